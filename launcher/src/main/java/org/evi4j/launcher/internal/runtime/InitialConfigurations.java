package org.evi4j.launcher.internal.runtime;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until FileInstall has turned every {@code .cfg} file of the folder into a configuration, so that SCR,
 * started next, activates each component once with its configuration instead of once without and again with it.
 * ConfigAdmin's API lives in its bundle, not on the launcher's class path, hence the reflection.
 */
final class InitialConfigurations {

    private static final Logger LOG = LoggerFactory.getLogger(InitialConfigurations.class);
    private static final String FILTER = "(felix.fileinstall.filename=*)";
    private static final long POLL_MILLIS = 5;

    private InitialConfigurations() {
    }

    /** Waits at most {@code boundMillis}; going on without them is harmless (they arrive later). */
    static void await(Bundle configAdminBundle, Object configAdmin, Path etc, long boundMillis)
            throws InterruptedException {
        try {
            long expected = countCfgFiles(etc);
            Method list = configAdminBundle.loadClass("org.osgi.service.cm.ConfigurationAdmin")
                    .getMethod("listConfigurations", String.class);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(boundMillis);
            while (count(list.invoke(configAdmin, FILTER)) < expected) {
                if (System.nanoTime() - deadline > 0) {
                    LOG.debug("Not every .cfg file was read within {} ms; starting anyway", boundMillis);
                    return;
                }
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            }
        } catch (ReflectiveOperationException | IOException | RuntimeException e) {
            LOG.debug("Cannot tell whether the .cfg files were read: {}", e.toString());
        }
    }

    private static int count(Object configurations) {
        return configurations == null ? 0 : Array.getLength(configurations);
    }

    private static long countCfgFiles(Path etc) throws IOException {
        try (Stream<Path> files = Files.list(etc)) {
            return files.filter(HttpService::readByFileInstall).count();
        }
    }
}
