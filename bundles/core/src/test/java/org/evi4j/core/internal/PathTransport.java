package org.evi4j.core.internal;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.evi4j.spi.Destination;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.SendResult;

/**
 * A transport whose destinations are paths (reported as given, unresolved, so that the core's own folder check is
 * what is tested) and whose identity ignores case (so that two spellings of one place can be written).
 */
final class PathTransport implements EventTransport {

    @Override
    public Destination parse(String address) {
        return new Dest(address);
    }

    @Override
    public SendResult send(Destination destination, ByteBuffer payload) {
        return SendResult.SENT;
    }

    record Dest(String address) implements Destination {
        @Override
        public String identity() {
            return address.toLowerCase(Locale.ROOT);
        }

        @Override
        public Optional<Path> path() {
            return address.startsWith("/") ? Optional.of(Path.of(address)) : Optional.empty();
        }
    }
}
