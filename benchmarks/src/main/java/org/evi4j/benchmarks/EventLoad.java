package org.evi4j.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.evi4j.api.Event;
import org.evi4j.api.EventInterface;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.encoder.jsonrpc.internal.JsonRpcEventEncoder;
import org.evi4j.encoder.legacy.internal.LegacyEventEncoder;
import org.evi4j.testkit.Configs;
import org.evi4j.transport.udp.internal.UdpTransport;
import org.evi4j.transport.udp.internal.UdpTransportConfig;
import org.evi4j.transport.unix.internal.UnixTransport;

/**
 * {@code bench events}: raises events at a target rate through the real {@link EventInterface} (core, encoder,
 * transport) to real receivers, which count what arrives and measure latency from the raise to the arrival (each
 * event carries its raise time, {@code System.nanoTime()}, in a parameter {@code t}).
 */
final class EventLoad {

    private static final String EVENT = "E_BENCH";
    private static final long MAX_RAISES = 50_000_000L;

    private EventLoad() {
    }

    static int run(Options o) throws Exception {
        int rate = Math.max(1, o.integer("rate", 10_000));
        int duration = Math.max(1, o.integer("duration", 5));
        int subscribers = Math.max(1, o.integer("subscribers", 1));
        String transport = o.string("transport", "udp");
        String encoder = o.string("encoder", "jsonrpc");
        long planned = Math.min(MAX_RAISES, (long) rate * duration);
        Latencies latencies = new Latencies((int) Math.min(10_000_000L, planned * subscribers));
        Receivers.Sink sink = (data, offset, length, arrived) -> {
            long t = raisedAt(data, offset, length);
            if (t > 0) {
                latencies.add(arrived - t);
            }
        };
        UdpTransport udp = new UdpTransport(Configs.of(UdpTransportConfig.class));
        UnixTransport unix = new UnixTransport();
        try (Receivers receivers = transport.equals("unix") ? Receivers.unix(subscribers, sink)
                : Receivers.udp(subscribers, sink);
                BenchCore core = new BenchCore().transport("udp", udp).transport("unix", unix)
                        .encoder("jsonrpc", new JsonRpcEventEncoder()).encoder("legacy", new LegacyEventEncoder())) {
            EventInterface events = core.start();
            events.publish(EVENT);
            for (String socket : receivers.sockets()) {
                events.subscribe(EVENT, socket + ";encoder=" + encoder, 3600);
            }
            long start = System.nanoTime();
            long raised = raise(events, rate, planned);
            double seconds = (System.nanoTime() - start) / 1e9;
            long delivered = receivers.settle();
            report(o, events, raised, seconds, delivered, subscribers, latencies);
            return delivered == raised * subscribers ? 0 : 1;
        } finally {
            udp.deactivate();
            unix.deactivate();
        }
    }

    /** Raises {@code planned} events on a fixed schedule, catching up (never skipping) when behind. */
    private static long raise(EventInterface events, int rate, long planned) {
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        long raised = 0;
        while (raised < planned) {
            long due = start + raised * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            events.raise(Event.builder(EVENT).param("seq", (int) raised)
                    .param("t", Long.toString(System.nanoTime())).build());
            raised++;
        }
        return raised;
    }

    private static void report(Options o, EventInterface events, long raised, double seconds, long delivered,
            int subscribers, Latencies latencies) {
        long sent = 0;
        long dropped = 0;
        long failed = 0;
        for (SubscriberInfo s : events.subscribers(EVENT)) {
            sent += s.sent();
            dropped += s.dropped();
            failed += s.failed() + s.undelivered();
        }
        long expected = raised * subscribers;
        System.out.printf("bench events transport=%s encoder=%s subscribers=%d target_rate=%s raised=%d"
                + " raise_per_s=%.0f sent=%d dropped=%d failed=%d delivered=%d lost=%d latency_us %s%n",
                o.string("transport", "udp"), o.string("encoder", "jsonrpc"), subscribers, o.string("rate", "10000"),
                raised, raised / seconds, sent, dropped, failed, delivered, expected - delivered, latencies.summary());
    }

    /** The digits after {@code "t":"} (JSON-RPC) or {@code t::} (legacy), or -1. */
    static long raisedAt(byte[] data, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i + 3 < end; i++) {
            int digits;
            if (data[i] == '"' && data[i + 1] == 't' && data[i + 2] == '"' && data[i + 3] == ':' && i + 4 < end
                    && data[i + 4] == '"') {
                digits = i + 5;
            } else if (data[i] == 't' && data[i + 1] == ':' && data[i + 2] == ':'
                    && (i == offset || data[i - 1] == '\n')) {
                digits = i + 3;
            } else {
                continue;
            }
            long value = 0;
            int j = digits;
            while (j < end && data[j] >= '0' && data[j] <= '9' && j - digits < 19) {
                value = value * 10 + (data[j++] - '0');
            }
            return j == digits ? -1 : value;
        }
        return -1;
    }
}
