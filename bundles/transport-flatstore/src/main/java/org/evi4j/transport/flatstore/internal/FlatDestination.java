package org.evi4j.transport.flatstore.internal;

import java.nio.file.Path;

import org.evi4j.spi.DeliveryReport;
import org.evi4j.support.LinkedDestination;

/**
 * A parsed {@code flatstore:} destination: the path as written (how it is listed, matched and rotated, as in
 * OpenSIPS), the real path it writes to (checked against the allowed folders at subscription), and the subscriber's
 * report. It finds its file, shared by every destination of the same real path, on its first send.
 */
final class FlatDestination extends LinkedDestination<FlatFile> {

    private final String address;
    private final Path realPath;

    FlatDestination(String address, Path realPath, DeliveryReport report) {
        super(report);
        this.address = address;
        this.realPath = realPath;
    }

    @Override
    public String address() {
        return address;
    }

    Path realPath() {
        return realPath;
    }






    @Override
    public String toString() {
        return "flatstore:" + address;
    }
}
