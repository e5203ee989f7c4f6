package org.evi4j.transport.flatstore.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default allowed folder: {@code flatstore} under the runtime's data folder (the launcher's {@code evi4j.data},
 * Karaf's {@code karaf.data}), else under this bundle's data area; created when missing.
 */
final class DataFolder {

    /** Framework or system property naming the runtime's data folder (set by the launcher). */
    static final String DATA_PROPERTY = "evi4j.data";
    private static final String KARAF_DATA = "karaf.data";
    private static final String NAME = "flatstore";
    private static final Logger LOG = LoggerFactory.getLogger(DataFolder.class);

    private DataFolder() {
    }

    /** The folder, created if missing; {@code null} when there is no data folder at all. */
    static Path of(BundleContext context) {
        Path folder = where(context);
        if (folder == null) {
            return null;
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            LOG.warn("could not create the flatstore folder {}: {}", folder, e.toString());
        }
        return folder.toAbsolutePath().normalize();
    }

    private static Path where(BundleContext context) {
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
