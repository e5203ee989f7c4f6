package org.evi4j.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

/** A short-named temporary folder under /tmp for UNIX socket files (AF_UNIX paths: at most 107 bytes). */
final class TempSockets implements AutoCloseable {

    private final Path dir;

    TempSockets() throws IOException {
        dir = Files.createTempDirectory(Paths.get("/tmp"), "evi");
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
