package org.evi4j.core.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder UNIX subscribers may use when {@code allowed_unix_folders} is not set: {@code sockets} in the runtime's
 * data folder (the launcher's {@code --data}, Karaf's {@code karaf.data}), else in the core bundle's data area.
 * Created owner-only, so that by default only the user evi4j runs as can put a socket there.
 */
final class SocketFolder {

    /** Framework or system property naming the runtime's data folder (set by the launcher). */
    static final String DATA_PROPERTY = "evi4j.data";
    private static final String KARAF_DATA = "karaf.data";
    private static final String NAME = "sockets";
    private static final Logger LOG = LoggerFactory.getLogger(SocketFolder.class);

    private SocketFolder() {
    }

    /** The default folder, created if missing; {@code null} when there is no data folder at all. */
    static Path of(BundleContext context) {
        Path folder = where(context);
        if (folder == null) {
            return null;
        }
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder.getParent());
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("could not create the UNIX subscribers' folder {}: {}", folder, e.toString());
        }
        return folder.toAbsolutePath().normalize();
    }

    private static Path where(BundleContext context) {
        if (context == null) {
            return null;
        }
        for (String property : new String[] {DATA_PROPERTY, KARAF_DATA}) {
            String data = context.getProperty(property);
            if (data != null && !data.isBlank()) {
                return Path.of(data.trim(), NAME);
            }
        }
        File area = context.getDataFile(NAME);
        return area == null ? null : area.toPath();
    }
}
