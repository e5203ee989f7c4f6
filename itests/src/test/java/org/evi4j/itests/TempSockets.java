package org.evi4j.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A short-named temporary folder for UNIX socket files (AF_UNIX paths: at most 107 bytes), inside the folder the
 * core lets UNIX subscribers use by default ({@code <evi4j.data or karaf.data>/sockets}, issue #17), else in /tmp.
 */
final class TempSockets implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path dir;

    TempSockets() throws IOException {
        Path base = allowedFolder();
        Files.createDirectories(base);
        dir = Files.createDirectory(base.resolve("e" + Integer.toHexString(RANDOM.nextInt(1 << 24))));
    }

    /** Where the core allows UNIX subscribers without configuration, as it computes it. */
    static Path allowedFolder() {
        for (String property : new String[] {"evi4j.data", "karaf.data"}) {
            String data = System.getProperty(property);
            if (data != null && !data.isBlank()) {
                return Paths.get(data, "sockets");
            }
        }
        return Paths.get("/tmp");
    }

    /** A path for a socket file in the folder. */
    Path path(String name) {
        return dir.resolve(name);
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
