package org.evi4j.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import org.evi4j.api.Event;
import org.evi4j.api.EventInterface;
import org.evi4j.encoder.jsonrpc.internal.JsonRpcEventEncoder;
import org.evi4j.testkit.Configs;
import org.evi4j.testkit.RabbitBroker;
import org.evi4j.transport.rabbitmq.internal.RabbitConnectionStats;
import org.evi4j.transport.rabbitmq.internal.RabbitTransport;
import org.evi4j.transport.rabbitmq.internal.RabbitTransportConfig;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

/**
 * {@code bench rabbit}: raises N events as fast as it can through the real core and RabbitMQ transport to one
 * {@code rabbitmq:} subscriber, with publisher confirms on and off, and, in the same rounds, the plain RabbitMQ
 * client publishing the same bytes in a loop on one channel (the baseline: what one connection can do at all).
 * For evi4j it reports how fast raise accepted the events, how fast the transport's publisher thread published
 * them and the broker confirmed them, and what was dropped; for the baseline, the same rates.
 */
final class RabbitLoad {

    private static final String EVENT = "E_BENCH_RABBIT";
    private static final String KEY = "evi4j.bench";
    private static final Event RAISED = Event.builder(EVENT).param("caller", "sip:alice@example.com")
            .param("callee", "sip:bob@example.com").param("call_id", "a84b4c76e66710@pc33.example.com")
            .param("code", 200).build();
    private static final int WARM_UP = 1000;
    private static final int MAX_COUNT = 10_000_000;
    private static final long SETTLE_TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(5);
    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    private RabbitLoad() {
    }

    static int run(Options o) throws Exception {
        int count = Math.min(MAX_COUNT, Math.max(1, o.integer("count", 100_000)));
        int rounds = Math.max(1, o.integer("rounds", 3));
        int queueSize = Math.max(1, o.integer("queue-size", count));
        String brokerOption = o.string("broker", null);
        RabbitBroker own = brokerOption == null ? RabbitBroker.start() : null;
        try {
            Target target = own != null ? new Target(own.host(), own.port(), "guest", "guest")
                    : Target.of(brokerOption, o.string("user", "guest"), o.string("password", "guest"));
            System.out.printf("bench rabbit broker=%s:%d count=%d queue_size=%d rounds=%d loadavg=%s%n",
                    target.host, target.port, count, queueSize, rounds, loadAverage());
            Map<String, List<Run>> runs = new TreeMap<>();
            int failures = 0;
            for (int round = 1; round <= rounds; round++) {
                for (boolean confirms : new boolean[] {true, false}) {
                    for (Run run : List.of(evi4j(target, count, queueSize, confirms), baseline(target, count,
                            confirms))) {
                        System.out.printf("round=%d %s%n", round, run);
                        runs.computeIfAbsent(run.name(), k -> new ArrayList<>()).add(run);
                        failures += run.complete() ? 0 : 1;
                    }
                }
            }
            for (Map.Entry<String, List<Run>> e : runs.entrySet()) {
                System.out.printf("median %s%n", Run.medians(e.getValue()));
            }
            System.out.printf("bench rabbit done loadavg=%s%n", loadAverage());
            return failures == 0 ? 0 : 1;
        } finally {
            if (own != null) {
                own.close();
            }
        }
    }

    /** Raises {@code count} events through the core to a transport of their own; waits until all are settled. */
    private static Run evi4j(Target target, int count, int queueSize, boolean confirms) throws Exception {
        try (Peer peer = new Peer(target)) {
            // the broker is the one the operator named (or the private one): allow it by name, as a user would
            RabbitTransport transport = new RabbitTransport(Configs.of(RabbitTransportConfig.class,
                    Map.of("queue_size", queueSize, "confirms", confirms, "allowed_destinations", "0.0.0.0/0, ::/0")));
            try (BenchCore core = new BenchCore().transport("rabbitmq", transport)
                    .encoder("jsonrpc", new JsonRpcEventEncoder())) {
                EventInterface events = core.start();
                events.publish(EVENT);
                events.subscribe(EVENT, target.socket(KEY), 3600);
                // the connection opens on the first send: warm it (and the JIT) up, then count from there
                for (int i = 0; i < WARM_UP; i++) {
                    events.raise(RAISED);
                }
                Stats before = settle(transport, WARM_UP, confirms);
                peer.checkSample();
                peer.purge();

                long start = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    events.raise(RAISED);
                }
                long raised = System.nanoTime();
                Stats published = await(transport, s -> s.published - before.published + s.dropped - before.dropped
                        >= count);
                Stats after = confirms ? settle(transport, WARM_UP + count, true) : published;
                long done = System.nanoTime();
                return new Run("evi4j", confirms, count, secs(start, raised), secs(start, published.at),
                        confirms ? secs(start, done) : Double.NaN, after.published - before.published,
                        after.confirmed - before.confirmed, after.dropped - before.dropped,
                        after.failed - before.failed, after.at > 0);
            } finally {
                transport.deactivate();
                peer.purge();
            }
        }
    }

    /** What one channel of the plain client does with the same bytes, the caller's thread publishing. */
    private static Run baseline(Target target, int count, boolean confirms) throws Exception {
        try (Peer peer = new Peer(target)) {
            // what evi4j publishes for the event (the transport adds nothing to the encoder's bytes)
            byte[] body = new JsonRpcEventEncoder().encode(RAISED);
            Channel channel = peer.connection.createChannel();
            if (confirms) {
                channel.confirmSelect();
            }
            for (int i = 0; i < WARM_UP; i++) {
                channel.basicPublish("", KEY, null, body);
            }
            if (confirms) {
                channel.waitForConfirmsOrDie(TimeUnit.NANOSECONDS.toMillis(SETTLE_TIMEOUT_NANOS));
            }
            peer.purge();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                channel.basicPublish("", KEY, null, body);
            }
            long published = System.nanoTime();
            if (confirms) {
                channel.waitForConfirmsOrDie(TimeUnit.NANOSECONDS.toMillis(SETTLE_TIMEOUT_NANOS));
            }
            long done = System.nanoTime();
            channel.close();
            peer.purge();
            return new Run("baseline", confirms, count, Double.NaN, secs(start, published),
                    confirms ? secs(start, done) : Double.NaN, count, confirms ? count : 0, 0, 0, true);
        }
    }

    /** Waits until {@code total} events are published (and confirmed, nacked or failed, with confirms). */
    private static Stats settle(RabbitTransport transport, long total, boolean confirms) {
        return await(transport, s -> s.published + s.dropped >= total
                && (!confirms || s.confirmed + s.nacked + s.failed >= s.published));
    }

    /** Polls the transport's counters until the condition holds (bounded: a stats with {@code at} 0 if not). */
    private static Stats await(RabbitTransport transport, Predicate<Stats> condition) {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT_NANOS;
        while (System.nanoTime() - deadline < 0) {
            Stats s = Stats.of(transport);
            if (condition.test(s)) {
                return s;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        System.out.printf("timed out: %s%n", transport.connections());
        Stats last = Stats.of(transport);
        return new Stats(0, last.published, last.confirmed, last.nacked, last.failed, last.dropped);
    }

    private static double secs(long from, long to) {
        return (to - from) / 1e9;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().replace(' ', '/');
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The transport's connection counters at one moment. */
    private record Stats(long at, long published, long confirmed, long nacked, long failed, long dropped) {

        static Stats of(RabbitTransport transport) {
            long now = System.nanoTime();
            List<RabbitConnectionStats> all = transport.connections();
            if (all.isEmpty()) {
                return new Stats(now, 0, 0, 0, 0, 0);
            }
            RabbitConnectionStats c = all.get(0);
            return new Stats(now, c.published(), c.confirmed(), c.nacked(), c.failed(), c.dropped());
        }
    }

    /** A broker and login. */
    private record Target(String host, int port, String user, String password) {

        static Target of(String hostPort, String user, String password) {
            int colon = hostPort.lastIndexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("--broker HOST:PORT expected, got " + hostPort);
            }
            return new Target(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)), user,
                    password);
        }

        String socket(String key) {
            return "rabbitmq:" + user + ":" + password + "@" + host + ":" + port + "/" + key;
        }
    }

    /** The benchmark's own client: the queue the events go to, and a sample of what evi4j publishes. */
    private static final class Peer implements AutoCloseable {

        private final Connection connection;
        private final Channel channel;

        Peer(Target target) throws IOException, TimeoutException {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setHost(target.host);
            factory.setPort(target.port);
            factory.setUsername(target.user);
            factory.setPassword(target.password);
            factory.setAutomaticRecoveryEnabled(false);
            connection = factory.newConnection("evi4j-bench-peer");
            channel = connection.createChannel();
            channel.queueDeclare(KEY, false, false, false, null);
        }

        /** Takes one message: it must be the bytes the baseline publishes. */
        void checkSample() throws IOException {
            GetResponse got = channel.basicGet(KEY, true);
            byte[] expected = new JsonRpcEventEncoder().encode(RAISED);
            if (got == null || !java.util.Arrays.equals(got.getBody(), expected)) {
                throw new IllegalStateException("evi4j published other bytes than the baseline's: "
                        + (got == null ? "nothing" : new String(got.getBody(), StandardCharsets.UTF_8)));
            }
        }

        void purge() throws IOException {
            channel.queuePurge(KEY);
        }

        @Override
        public void close() throws IOException {
            connection.close(5000);
        }
    }

    /** One measured run; rates are events per second over the time from the first raise (or publish). */
    private record Run(String who, boolean confirms, long count, double raiseSecs, double publishSecs,
            double confirmSecs, long published, long confirmed, long dropped, long failed, boolean complete) {

        String name() {
            return who + " confirms=" + confirms;
        }

        /** The median of each rate and count over the runs (each figure from its own median run). */
        static String medians(List<Run> runs) {
            Run first = runs.get(0);
            return String.format("%s count=%d raise_per_s=%s published_per_s=%s confirmed_per_s=%s published=%.0f"
                    + " confirmed=%.0f dropped=%.0f failed=%.0f%s", first.name(), first.count,
                    rate(median(runs, r -> r.count / r.raiseSecs)),
                    rate(median(runs, r -> r.published / r.publishSecs)),
                    rate(median(runs, r -> r.confirmed / r.confirmSecs)), median(runs, r -> r.published),
                    median(runs, r -> r.confirmed), median(runs, r -> r.dropped), median(runs, r -> r.failed),
                    runs.stream().allMatch(Run::complete) ? "" : " INCOMPLETE");
        }

        private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> value) {
            double[] v = runs.stream().mapToDouble(value).sorted().toArray();
            return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }

        private static String rate(double perSecond) {
            return Double.isNaN(perSecond) ? "-" : String.format("%.0f", perSecond);
        }

        private static String rate(long events, double secs) {
            return rate(events / secs);
        }

        @Override
        public String toString() {
            return String.format("%s count=%d raise_per_s=%s published_per_s=%s confirmed_per_s=%s published=%d"
                    + " confirmed=%d dropped=%d failed=%d%s", name(), count, rate(count, raiseSecs),
                    rate(published, publishSecs), rate(confirmed, confirmSecs), published, confirmed, dropped, failed,
                    complete ? "" : " INCOMPLETE");
        }
    }
}
