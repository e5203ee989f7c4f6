package org.evi4j.launcher.internal.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the framework's bundles match the ones shipped in the jar. The framework storage is kept between runs (the
 * core persists subscriptions in its data area), so a bundle already installed is updated in place when its bytes
 * changed (which keeps its data area), a new one is installed, and one no longer shipped is uninstalled.
 */
final class BundleProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(BundleProvisioner.class);
    static final String LOCATION_PREFIX = "evi4j:bundles/";
    private static final long REFRESH_TIMEOUT_SECONDS = 30;

    private final BundleContext context;
    private final EmbeddedFiles source;
    private final Path stateFile;

    /**
     * @param stateFile where the checksums of the installed copies are kept between runs
     */
    BundleProvisioner(BundleContext context, EmbeddedFiles source, Path stateFile) {
        this.context = context;
        this.source = source;
        this.stateFile = stateFile;
    }

    /** Installs, updates and uninstalls; returns the shipped bundles, installed, in file name order. */
    List<Bundle> provision() throws IOException, BundleException {
        Properties known = load();
        Map<String, Bundle> installed = new HashMap<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(LOCATION_PREFIX)) {
                installed.put(bundle.getLocation(), bundle);
            }
        }
        List<Bundle> result = new ArrayList<>();
        boolean refresh = false;
        for (EmbeddedFiles.Entry entry : source.entries()) {
            String location = LOCATION_PREFIX + entry.fileName();
            String crc = Long.toHexString(entry.crc());
            Bundle bundle = installed.remove(location);
            try (InputStream in = source.open(entry)) {
                if (bundle == null) {
                    bundle = context.installBundle(location, in);
                } else if (!crc.equals(known.getProperty(location))) {
                    LOG.info("Updating {} (changed since the last run)", entry.fileName());
                    bundle.update(in);
                    refresh = true;
                }
            }
            known.setProperty(location, crc);
            result.add(bundle);
        }
        for (Bundle stale : installed.values()) {
            LOG.info("Uninstalling {} (no longer shipped)", stale.getLocation());
            known.remove(stale.getLocation());
            stale.uninstall();
            refresh = true;
        }
        if (refresh) {
            refresh();
        }
        save(known);
        return result;
    }

    private void refresh() {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(null, event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        try {
            if (!done.await(REFRESH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Bundle refresh did not finish within {} s; going on", REFRESH_TIMEOUT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Properties load() {
        Properties known = new Properties();
        if (Files.isRegularFile(stateFile)) {
            try (Reader in = Files.newBufferedReader(stateFile, StandardCharsets.UTF_8)) {
                known.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Cannot read {} ({}); every shipped bundle will be updated", stateFile, e.toString());
                known.clear();
            }
        }
        return known;
    }

    private void save(Properties known) throws IOException {
        Path temp = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            known.store(out, "CRC-32 of the bundles installed from the launcher jar");
        }
        Files.move(temp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
