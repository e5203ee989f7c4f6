package org.evi4j.launcher.internal.runtime;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded runtime: Felix with SCR, ConfigAdmin, FileInstall and the evi4j bundles, configured from a folder
 * of {@code .cfg} files, running until the process is told to stop.
 */
public final class EmbeddedRuntime {

    private static final String FILEINSTALL = "org.apache.felix.fileinstall";
    private static final String CONFIG_ADMIN = "org.osgi.service.cm.ConfigurationAdmin";
    private static final String CONFIG_ADMIN_BUNDLE = "org.apache.felix.configadmin";
    private static final String EVI4J_PREFIX = "org.evi4j.";
    private static final List<String> EVI4J_START_ORDER = List.of("api", "junixsocket", "core",
            "encoder-jsonrpc", "encoder-legacy", "transport-udp", "transport-unix", "transport-tcp",
            "transport-virtual", "transport-flatstore", "evi-mi", "mi", "mi-datagram", "mi-http", "metrics");
    /** Jetty takes the longest to start: after the MI datagram sockets, which then answer without waiting for it. */
    private static final String HTTP_SERVICE_BUNDLE = "org.apache.felix.http.jetty12";
    private static final long CONFIG_ADMIN_WAIT_MILLIS = 10_000;
    /** A .cfg file FileInstall cannot read never becomes a configuration: do not wait long for it. */
    private static final long CONFIGURATIONS_WAIT_MILLIS = 2_000;
    private static final long STOP_BOUND_MILLIS = 15_000;

    private final Path etc;
    private final Path data;

    public EmbeddedRuntime(RunOptions options) {
        this.etc = options.etc();
        this.data = options.data();
    }

    /** Sets the console log level of the launcher and of every bundle, unless given as a system property. */
    public static void configureLogging(String level) {
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", level);
        setDefault("org.slf4j.simpleLogger.showDateTime", "true");
        setDefault("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        setDefault("org.slf4j.simpleLogger.showShortLogName", "true");
        setDefault("org.slf4j.simpleLogger.levelInBrackets", "true");
        // Jetty's start-up story is many lines at INFO; the launcher prints the address itself
        setDefault("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        setDefault("org.slf4j.simpleLogger.log.org.apache.felix.http", "warn");
    }

    private static void setDefault(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    /**
     * Starts the runtime and blocks until it stops.
     *
     * @return the process exit status
     */
    public int run() throws IOException, BundleException, InterruptedException {
        long start = System.nanoTime();
        Logger log = LoggerFactory.getLogger(EmbeddedRuntime.class);
        Files.createDirectories(data);
        // Felix's own cache lock did not stop a second instance on the same storage here
        try (FileChannel lockFile = FileChannel.open(data.resolve("evi4j.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                log.error("Another evi4j is running with the data folder {}; not starting", data);
                return 1;
            }
            return runLocked(start, log);
        }
    }

    private int runLocked(long start, Logger log) throws IOException, BundleException, InterruptedException {
        try (EmbeddedFiles defaults = EmbeddedFiles.defaultEtc()) {
            List<String> written = DefaultEtc.writeIfEmpty(etc, defaults);
            if (!written.isEmpty()) {
                log.info("Wrote a default configuration to {}: {}", etc, String.join(", ", written));
            }
        }
        Map<String, String> properties = FrameworkProperties.of(etc, data);
        Framework framework = new FrameworkFactory().newFramework(properties);
        framework.init();
        StopSignals.install(framework, STOP_BOUND_MILLIS);
        framework.start();
        log.debug("Framework started after {} ms", elapsedMillis(start));
        List<Bundle> bundles;
        try (EmbeddedFiles shipped = EmbeddedFiles.bundles()) {
            bundles = new BundleProvisioner(framework.getBundleContext(), shipped,
                    data.resolve("launcher-bundles.properties")).provision();
        }
        log.debug("Bundles provisioned after {} ms", elapsedMillis(start));
        startAll(framework, bundles, log);
        log.info("evi4j started in {} ms ({} bundles; configuration {}, data {})", elapsedMillis(start),
                bundles.size(), etc, data);
        String http = HttpService.address(properties);
        if (http != null) {
            log.info("HTTP service at {} (web console at {}, MI at {}mi, metrics at {}metrics)", http, http, http, http);
        }
        FrameworkEvent stopped = framework.waitForStop(0);
        log.info("evi4j stopped");
        return stopped.getType() == FrameworkEvent.ERROR ? 1 : 0;
    }

    private static long elapsedMillis(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /**
     * Starts ConfigAdmin, then FileInstall once ConfigAdmin is registered (gotcha G9), then, when the .cfg files are
     * read, everything else: SCR then finds every configuration in place.
     */
    private void startAll(Framework framework, List<Bundle> bundles, Logger log) throws InterruptedException {
        Bundle configAdminBundle = find(bundles, CONFIG_ADMIN_BUNDLE);
        Bundle fileInstall = find(bundles, FILEINSTALL);
        if (configAdminBundle == null || fileInstall == null) {
            log.warn("ConfigAdmin or FileInstall is not in the jar: the .cfg files will not be read");
        } else {
            start(configAdminBundle, log);
            ServiceTracker<Object, Object> configAdmin =
                    new ServiceTracker<>(framework.getBundleContext(), CONFIG_ADMIN, null);
            configAdmin.open();
            try {
                Object service = configAdmin.waitForService(CONFIG_ADMIN_WAIT_MILLIS);
                if (service == null) {
                    log.warn("ConfigurationAdmin not registered after {} ms; starting FileInstall anyway",
                            CONFIG_ADMIN_WAIT_MILLIS);
                }
                start(fileInstall, log);
                if (service != null) {
                    InitialConfigurations.await(configAdminBundle, service, etc, CONFIGURATIONS_WAIT_MILLIS);
                }
            } finally {
                configAdmin.close();
            }
            log.debug("Configurations read");
        }
        List<Bundle> ordered = new ArrayList<>(bundles);
        ordered.sort(Comparator.comparingInt(EmbeddedRuntime::startRank));
        for (Bundle bundle : ordered) {
            start(bundle, log);
        }
    }

    /**
     * Libraries and SCR first, then the evi4j bundles from the core outwards, the MI servers last: once the MI
     * answers, everything behind it is up.
     */
    private static int startRank(Bundle bundle) {
        String name = bundle.getSymbolicName();
        if (HTTP_SERVICE_BUNDLE.equals(name)) {
            return 2 + EVI4J_START_ORDER.size();
        }
        if (name == null || !name.startsWith(EVI4J_PREFIX)) {
            return 0;
        }
        int rank = EVI4J_START_ORDER.indexOf(name.substring(EVI4J_PREFIX.length()));
        return 1 + (rank >= 0 ? rank : EVI4J_START_ORDER.indexOf("evi-mi"));
    }

    private static Bundle find(List<Bundle> bundles, String symbolicName) {
        return bundles.stream().filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst().orElse(null);
    }

    private static void start(Bundle bundle, Logger log) {
        if (bundle.getHeaders().get("Fragment-Host") != null || bundle.getState() == Bundle.ACTIVE) {
            return;
        }
        try {
            // transient: the launcher decides the start order on every run, nothing auto-starts from the cache
            long begin = System.nanoTime();
            bundle.start(Bundle.START_TRANSIENT);
            log.debug("Started {} in {} ms", bundle.getSymbolicName(), elapsedMillis(begin));
        } catch (BundleException | RuntimeException e) {
            log.warn("Cannot start {} {}: {}", bundle.getSymbolicName(), bundle.getVersion(), e.getMessage());
        }
    }
}
