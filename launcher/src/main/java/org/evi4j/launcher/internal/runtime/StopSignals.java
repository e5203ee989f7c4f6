package org.evi4j.launcher.internal.runtime;

import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import sun.misc.Signal;

/**
 * Stops the framework cleanly on SIGTERM and SIGINT (Ctrl-C), and on any other JVM shutdown. The signals are
 * handled rather than left to a shutdown hook so that a requested stop ends the process with status 0.
 */
final class StopSignals {

    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);
    private static final List<String> CONFIGURATION_SOURCES =
            List.of("org.apache.felix.fileinstall", "org.apache.felix.configadmin");

    private StopSignals() {
    }

    /** Installs the handlers; a stop that takes longer than {@code boundMillis} ends the process with status 1. */
    static void install(Framework framework, long boundMillis) {
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), signal -> stop(framework, boundMillis, "SIG" + name));
            } catch (IllegalArgumentException e) {
                LOG.debug("Cannot handle SIG{}: {}", name, e.getMessage());
            }
        }
        Thread hook = new Thread(() -> stop(framework, boundMillis, "JVM shutdown"), "evi4j-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Stops FileInstall and ConfigAdmin before the rest: a configuration event still in flight when SCR stops could
     * otherwise activate a component (an MI socket) that nothing deactivates any more.
     */
    private static void stopConfigurationSources(Framework framework) {
        for (String symbolicName : CONFIGURATION_SOURCES) {
            for (Bundle bundle : framework.getBundleContext().getBundles()) {
                if (symbolicName.equals(bundle.getSymbolicName()) && bundle.getState() == Bundle.ACTIVE) {
                    try {
                        bundle.stop(Bundle.STOP_TRANSIENT);
                    } catch (BundleException | IllegalStateException e) {
                        LOG.debug("Stopping {} first failed: {}", symbolicName, e.toString());
                    }
                }
            }
        }
    }

    private static void stop(Framework framework, long boundMillis, String why) {
        if ((framework.getState() & (Framework.STARTING | Framework.ACTIVE)) == 0) {
            return;
        }
        LOG.info("Stopping ({})", why);
        try {
            stopConfigurationSources(framework);
            framework.stop();
            if (framework.waitForStop(boundMillis).getType() == org.osgi.framework.FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.error("The framework did not stop within {} ms; exiting anyway", boundMillis);
                Runtime.getRuntime().halt(1);
            }
        } catch (BundleException e) {
            LOG.error("Stopping the framework failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
