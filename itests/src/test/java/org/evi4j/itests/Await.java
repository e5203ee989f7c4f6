package org.evi4j.itests;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/** Bounded waits for what the framework does asynchronously (DS activation, ConfigAdmin delivery). */
final class Await {

    /** How long anything in these tests may take to appear. */
    static final long TIMEOUT_MILLIS = 10_000;
    private static final long POLL_MILLIS = 20;

    private Await() {
    }

    /** The service of that type (and filter, may be null), waiting for it up to {@link #TIMEOUT_MILLIS}. */
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
            T service = tracker.waitForService(TIMEOUT_MILLIS);
            if (service == null) {
                throw new AssertionError("no " + type.getSimpleName() + (filter == null ? "" : " " + filter)
                        + " service within " + TIMEOUT_MILLIS + " ms");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + type.getSimpleName(), e);
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

    /** Polls until the condition holds, failing with {@code what} after {@link #TIMEOUT_MILLIS}. */
    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + TIMEOUT_MILLIS + " ms waiting for: " + what);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
        }
    }
}
