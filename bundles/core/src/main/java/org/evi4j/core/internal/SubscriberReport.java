package org.evi4j.core.internal;

import java.util.concurrent.atomic.AtomicReference;

import org.evi4j.spi.DeliveryReport;

/**
 * The {@link DeliveryReport} a transport gets with one parse of a subscriber's address: counts what became of the
 * pending sends in that subscriber's counters. A new subscription's address is parsed before its subscriber exists
 * (or is found, on a refresh), so the report is attached when its {@link Subscriber.Binding} is given to a
 * subscriber, before any payload goes to its destination. Until then nothing can have been sent; a problem the
 * transport reports meanwhile (it may connect while parsing) is kept for the subscriber.
 */
final class SubscriberReport implements DeliveryReport {

    private final Problems problems;
    private final AtomicReference<String> early = new AtomicReference<>();
    private volatile Subscriber subscriber;

    SubscriberReport(Problems problems) {
        this.problems = problems;
    }

    void attach(Subscriber s) {
        subscriber = s;
        passEarlyProblem(s);
    }

    @Override
    public void sent(int count) {
        Subscriber s = subscriber;
        if (s != null && count > 0) {
            s.sent.add(count);
        }
    }

    @Override
    public void delivered(int count) {
        Subscriber s = subscriber;
        if (s != null && count > 0) {
            s.delivered.add(count);
        }
    }

    @Override
    public void dropped(int count, String reason) {
        Subscriber s = subscriber;
        if (s != null && count > 0) {
            s.dropped.add(count);
            problems.record(s, String.valueOf(reason));
        }
    }

    @Override
    public void failed(int count, String reason) {
        Subscriber s = subscriber;
        if (s != null && count > 0) {
            s.failed.add(count);
            problems.record(s, String.valueOf(reason));
        }
    }

    @Override
    public void undelivered(int count, String reason) {
        Subscriber s = subscriber;
        if (s != null && count > 0) {
            s.undelivered.add(count);
            problems.record(s, String.valueOf(reason));
        }
    }

    @Override
    public void problem(String reason) {
        Subscriber s = subscriber;
        if (s != null) {
            problems.record(s, String.valueOf(reason));
            return;
        }
        early.set(String.valueOf(reason));
        s = subscriber;
        if (s != null) {
            // attached meanwhile: attach may have looked before the problem was kept
            passEarlyProblem(s);
        }
    }

    private void passEarlyProblem(Subscriber s) {
        String reason = early.getAndSet(null);
        if (reason != null) {
            problems.record(s, reason);
        }
    }
}
