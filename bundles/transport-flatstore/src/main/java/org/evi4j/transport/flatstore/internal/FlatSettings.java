package org.evi4j.transport.flatstore.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.evi4j.support.BooleanProperty;

/**
 * The transport's configuration, checked.
 *
 * @param escape {@code null} when unset
 */
record FlatSettings(byte[] delimiter, byte[] escape, boolean suppressName, Set<PosixFilePermission> permissions,
        int maxOpenFiles, int queueBytes, List<Path> allowedFolders) {

    FlatSettings {
        if (delimiter.length == 0) {
            throw new IllegalArgumentException("delimiter must not be empty");
        }
        if (escape != null && escape.length != delimiter.length) {
            // OpenSIPS refuses to start with the same words
            throw new IllegalArgumentException("\"escape_delimiter\" length (" + escape.length
                    + ") must match \"delimiter\" length (" + delimiter.length + ")");
        }
        if (maxOpenFiles < 1 || maxOpenFiles > 65535 || queueBytes < 1) {
            throw new IllegalArgumentException("max_open_sockets must be 1-65535 and queue_bytes positive: "
                    + maxOpenFiles + ", " + queueBytes);
        }
        allowedFolders = List.copyOf(allowedFolders);
    }

    /** @param dataFolder the default allowed folder, {@code null} when the runtime has none */
    static FlatSettings of(FlatstoreTransportConfig config, Path dataFolder) {
        String escape = config.escape__delimiter();
        return new FlatSettings(config.delimiter().getBytes(StandardCharsets.UTF_8),
                escape == null || escape.isEmpty() ? null : escape.getBytes(StandardCharsets.UTF_8),
                BooleanProperty.parse("suppress_event_name", config.suppress__event__name(), false),
                FileMode.parse(config.file__permissions()), config.max__open__sockets(), config.queue__bytes(),
                folders(config.allowed__folders(), dataFolder));
    }

    private static List<Path> folders(String[] configured, Path dataFolder) {
        List<Path> folders = new ArrayList<>();
        if (configured != null) {
            for (String entry : configured) {
                for (String folder : entry.split(",")) {
                    if (!folder.isBlank()) {
                        folders.add(Path.of(folder.trim()));
                    }
                }
            }
        }
        if (folders.isEmpty() && dataFolder != null) {
            folders.add(dataFolder);
        }
        return folders;
    }

    /** OpenSIPS's defaults, files allowed in {@code folders}. */
    static FlatSettings defaults(List<Path> folders) {
        return new FlatSettings(new byte[] {','}, null, false, FileMode.parse("0644"), 100, 4 * 1024 * 1024,
                folders);
    }

    @Override
    public String toString() {
        return "delimiter '" + new String(delimiter, StandardCharsets.UTF_8) + "', escape_delimiter "
                + (escape == null ? "unset" : "'" + new String(escape, StandardCharsets.UTF_8) + "'")
                + ", suppress_event_name " + suppressName + ", file_permissions " + permissions
                + ", max_open_sockets " + maxOpenFiles + ", queue_bytes " + queueBytes + ", allowed_folders "
                + allowedFolders;
    }
}
