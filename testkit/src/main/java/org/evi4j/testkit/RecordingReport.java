package org.evi4j.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.evi4j.spi.DeliveryReport;

/** A delivery report that counts what it hears and keeps every reason, for the asynchronous transports' tests. */
public final class RecordingReport implements DeliveryReport {

    public final AtomicInteger sent = new AtomicInteger();
    public final AtomicInteger delivered = new AtomicInteger();
    public final AtomicInteger dropped = new AtomicInteger();
    public final AtomicInteger failed = new AtomicInteger();
    public final List<String> dropReasons = new CopyOnWriteArrayList<>();
    public final List<String> failures = new CopyOnWriteArrayList<>();
    public final List<String> problems = new CopyOnWriteArrayList<>();

    @Override
    public void sent(int count) {
        sent.addAndGet(count);
    }

    @Override
    public void delivered(int count) {
        delivered.addAndGet(count);
    }

    @Override
    public void dropped(int count, String reason) {
        dropped.addAndGet(count);
        dropReasons.add(reason);
    }

    @Override
    public void failed(int count, String reason) {
        failed.addAndGet(count);
        failures.add(reason);
    }

    @Override
    public void problem(String reason) {
        problems.add(reason);
    }

    @Override
    public String toString() {
        return "sent " + sent + ", delivered " + delivered + ", dropped " + dropped + " " + dropReasons + ", failed "
                + failed + " " + failures + ", problems " + problems;
    }
}
