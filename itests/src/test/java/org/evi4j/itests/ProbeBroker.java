package org.evi4j.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.evi4j.testkit.KafkaBroker;
import org.evi4j.testkit.RabbitBroker;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * One private broker of each kind per IT class (a RabbitMQ node, a Kafka broker), started by the class's first test
 * inside the framework and stopped when the framework stops the test's probe bundle. Inside the framework because
 * the tests stop and start the broker in the middle of a test, and because pax-exam runs JUnit's
 * {@code @BeforeClass}/{@code @AfterClass} around every single test there (and not at all on the host side).
 * Every IT class has its own probe bundle, hence its own copy of this class and its own brokers.
 */
final class ProbeBroker {

    /** Guarded by the class: the brokers of this probe, once started. */
    private static final Map<Class<?>, AutoCloseable> BROKERS = new HashMap<>();

    private ProbeBroker() {
    }

    /** The probe's RabbitMQ node, started on first use (a few seconds). */
    static RabbitBroker get(BundleContext probe) {
        return once(probe, RabbitBroker.class, RabbitBroker::start);
    }

    /** The probe's Kafka broker, started on first use (about 4 s). */
    static KafkaBroker kafka(BundleContext probe) {
        return once(probe, KafkaBroker.class, KafkaBroker::start);
    }

    private static synchronized <T extends AutoCloseable> T once(BundleContext probe, Class<T> type,
            Starter<T> starter) {
        AutoCloseable existing = BROKERS.get(type);
        if (existing != null) {
            return type.cast(existing);
        }
        T started;
        try {
            started = starter.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BROKERS.put(type, started);
        // a JVM that ends without stopping the framework must not leave the broker running either
        Thread backstop = new Thread(() -> close(started), "itest-broker-stop");
        Runtime.getRuntime().addShutdownHook(backstop);
        probe.addBundleListener((SynchronousBundleListener) event -> {
            if (event.getType() == BundleEvent.STOPPING && event.getBundle().equals(probe.getBundle())) {
                close(started);
                try {
                    Runtime.getRuntime().removeShutdownHook(backstop);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down already: the hook closes the stopped broker again, harmlessly
                }
            }
        });
        return started;
    }

    private static void close(AutoCloseable broker) {
        try {
            broker.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop " + broker, e);
        }
    }

    /** Starts a broker. */
    private interface Starter<T> {
        T start() throws IOException;
    }
}
