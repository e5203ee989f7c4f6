package org.evi4j.itests;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Bounded waits for what the framework does asynchronously (DS activation, ConfigAdmin delivery), with Awaitility
 * as the unit tests wait; the helpers only name what the tests wait for.
 */
final class Await {

    /** How long anything in these tests may take to appear. */
    static final long TIMEOUT_MILLIS = 10_000;
    static final Duration TIMEOUT = Duration.ofMillis(TIMEOUT_MILLIS);
    private static final Duration POLL = Duration.ofMillis(20);

    private Await() {
    }

    /** The service of that type (and filter, may be null), waiting for it up to {@link #TIMEOUT}. */
    static <T> T service(BundleContext context, Class<T> type, String filter) {
        ServiceTracker<T, T> tracker;
        try {
            tracker = filter == null ? new ServiceTracker<>(context, type, null)
                    : new ServiceTracker<>(context, FrameworkUtil.createFilter(
                            "(&(objectClass=" + type.getName() + ")" + filter + ")"), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
        tracker.open();
        try {
            return await(type.getSimpleName() + (filter == null ? "" : " " + filter) + " service")
                    .atMost(TIMEOUT).pollInterval(POLL).until(tracker::getService, Objects::nonNull);
        } finally {
            // the service object stays usable: the tests only hold it while its bundle runs
            tracker.close();
        }
    }

    /**
     * Waits until a service of that type and filter is registered, without getting it: getting a delayed DS
     * component's service from the test would activate it from outside, which the runtime itself may not do.
     */
    static void registered(BundleContext context, Class<?> type, String filter) {
        until(type.getSimpleName() + " " + filter + " registered", () -> {
            try {
                return context.getServiceReferences(type.getName(), filter) != null;
            } catch (InvalidSyntaxException e) {
                throw new IllegalArgumentException(filter, e);
            }
        });
    }

    /** Waits until the condition holds, failing with {@code what} after {@link #TIMEOUT}. */
    static void until(String what, BooleanSupplier condition) {
        await(what).atMost(TIMEOUT).pollInterval(POLL).until(condition::getAsBoolean);
    }
}
