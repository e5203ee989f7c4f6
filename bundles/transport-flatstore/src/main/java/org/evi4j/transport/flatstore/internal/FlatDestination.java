package org.evi4j.transport.flatstore.internal;

import java.nio.file.Path;

import org.evi4j.spi.DeliveryReport;
import org.evi4j.spi.Destination;

/**
 * A parsed {@code flatstore:} destination: the path as written (how it is listed, matched and rotated, as in
 * OpenSIPS), the real path it writes to (checked against the allowed folders at subscription), and the subscriber's
 * report. It finds its file, shared by every destination of the same real path, on its first send.
 */
final class FlatDestination implements Destination {

    private final String address;
    private final Path realPath;
    private final DeliveryReport report;
    private volatile FlatFile file;
    private volatile boolean released;

    FlatDestination(String address, Path realPath, DeliveryReport report) {
        this.address = address;
        this.realPath = realPath;
        this.report = report;
    }

    @Override
    public String address() {
        return address;
    }

    Path realPath() {
        return realPath;
    }

    DeliveryReport report() {
        return report;
    }

    /** The file it writes to, or {@code null} before its first send. */
    FlatFile file() {
        return file;
    }

    void file(FlatFile file) {
        this.file = file;
    }

    boolean released() {
        return released;
    }

    void release() {
        released = true;
    }

    @Override
    public String toString() {
        return "flatstore:" + address;
    }
}
