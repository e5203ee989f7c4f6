package org.evi4j.itests;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.evi4j.testkit.RabbitBroker;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * One private RabbitMQ node per IT class, started by the class's first test inside the framework and stopped when
 * the framework stops the test's probe bundle. Inside the framework because the tests stop and start the node's
 * application ({@code rabbitmqctl}) in the middle of a test, and because pax-exam runs JUnit's
 * {@code @BeforeClass}/{@code @AfterClass} around every single test there (and not at all on the host side).
 * Every IT class has its own probe bundle, hence its own copy of this class and its own node.
 */
final class ProbeBroker {

    /** Guarded by the class: the node of this probe, once started. */
    private static RabbitBroker broker;

    private ProbeBroker() {
    }

    /** The probe's node, started on first use (a few seconds). */
    static synchronized RabbitBroker get(BundleContext probe) {
        if (broker == null) {
            try {
                broker = RabbitBroker.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            RabbitBroker started = broker;
            // a JVM that ends without stopping the framework must not leave the node running either
            Thread backstop = new Thread(started::close, "itest-rabbitmq-stop");
            Runtime.getRuntime().addShutdownHook(backstop);
            probe.addBundleListener((SynchronousBundleListener) event -> {
                if (event.getType() == BundleEvent.STOPPING && event.getBundle().equals(probe.getBundle())) {
                    started.close();
                    try {
                        Runtime.getRuntime().removeShutdownHook(backstop);
                    } catch (IllegalStateException e) {
                        // the JVM is shutting down already: the hook closes the stopped node again, harmlessly
                    }
                }
            });
        }
        return broker;
    }
}
