package org.evi4j.launcher.internal.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The configuration folder written on first run: the {@code .cfg} files the Karaf features ship
 * ({@code features/src/main/cfg}, copied into the launcher jar at build time), byte for byte. Their
 * {@code ${karaf.data}} placeholders resolve to the data folder: the launcher sets that framework property.
 */
final class DefaultEtc {

    private DefaultEtc() {
    }

    /**
     * Writes the default files when {@code etc} is missing or empty; leaves any other folder alone.
     *
     * @return the names of the files written; empty when the folder was left alone
     */
    static List<String> writeIfEmpty(Path etc, EmbeddedFiles defaults) throws IOException {
        if (Files.isDirectory(etc)) {
            try (Stream<Path> files = Files.list(etc)) {
                if (files.findAny().isPresent()) {
                    return List.of();
                }
            }
        }
        Files.createDirectories(etc);
        List<String> written = new ArrayList<>();
        for (EmbeddedFiles.Entry entry : defaults.entries()) {
            try (InputStream in = defaults.open(entry)) {
                Files.copy(in, etc.resolve(entry.fileName()));
            }
            written.add(entry.fileName());
        }
        return written;
    }
}
