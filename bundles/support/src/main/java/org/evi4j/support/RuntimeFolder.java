package org.evi4j.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of the runtime's own under its data folder (the launcher's {@code evi4j.data}, Karaf's {@code
 * karaf.data}), else under the calling bundle's data area: where evi4j lets subscribers' sockets and event files be
 * by default, so that nothing outside what the runtime owns is reachable until configured.
 */
public final class RuntimeFolder {

    /** Framework or system property naming the runtime's data folder (set by the launcher). */
    public static final String DATA_PROPERTY = "evi4j.data";
    private static final String KARAF_DATA = "karaf.data";
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeFolder.class);

    private RuntimeFolder() {
    }

    /**
     * The folder {@code name}, created if missing.
     *
     * @param ownerOnly create it {@code rwx------} (others may not even look in)
     * @return its absolute path; {@code null} when there is no framework or no data folder at all
     */
    public static Path of(BundleContext context, String name, boolean ownerOnly) {
        Path folder = where(context, name);
        if (folder == null) {
            return null;
        }
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder.getParent());
                if (ownerOnly) {
                    Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectory(folder);
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("could not create the folder {}: {}", folder, e.toString());
        }
        return folder.toAbsolutePath().normalize();
    }

    private static Path where(BundleContext context, String name) {
        if (context == null) {
            return null;
        }
        for (String property : new String[] {DATA_PROPERTY, KARAF_DATA}) {
            String data = context.getProperty(property);
            if (data != null && !data.isBlank()) {
                return Path.of(data.trim(), name);
            }
        }
        File area = context.getDataFile(name);
        return area == null ? null : area.toPath();
    }
}
