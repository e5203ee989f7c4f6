package org.evi4j.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.evi4j.api.Event;
import org.evi4j.api.EventInterface;
import org.evi4j.core.internal.BenchCore;
import org.evi4j.encoder.jsonrpc.internal.JsonRpcEventEncoder;
import org.evi4j.testkit.KafkaBroker;
import org.evi4j.transport.kafka.internal.BenchKafka;
import org.evi4j.transport.kafka.internal.KafkaProducerStats;
import org.evi4j.transport.kafka.internal.KafkaTransport;

/**
 * {@code bench kafka}: raises N events as fast as one thread can through the real core and Kafka transport to one
 * {@code kafka:} subscriber and, in the same rounds, has the plain kafka-clients producer send the same bytes in a
 * loop with the same acks and linger.ms (the baseline). For both it reports the rate of acknowledged events; for
 * evi4j also how fast raise accepted them and what was dropped. {@code bench kafka-down} instead raises against a
 * broker that is not there: how fast raise goes while the queue absorbs, and once it drops.
 */
final class KafkaLoad {

    private static final String EVENT = "E_BENCH_KAFKA";
    private static final Event RAISED = Event.builder(EVENT).param("caller", "sip:alice@example.com")
            .param("callee", "sip:bob@example.com").param("call_id", "a84b4c76e66710@pc33.example.com")
            .param("code", 200).build();
    private static final int WARM_UP = 1000;
    private static final int MAX_COUNT = 10_000_000;
    private static final long SETTLE_TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(5);
    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    private KafkaLoad() {
    }

    static int run(Options o) throws Exception {
        int count = Math.min(MAX_COUNT, Math.max(1, o.integer("count", 200_000)));
        int rounds = Math.max(1, o.integer("rounds", 3));
        long queueBytes = Math.max(1024, o.integer("queue-bytes", 64 * 1024 * 1024));
        String acks = o.string("acks", "all");
        int linger = o.integer("linger-ms", 5);
        String brokerOption = o.string("broker", null);
        KafkaBroker own = brokerOption == null ? KafkaBroker.start() : null;
        try {
            String bootstrap = own != null ? own.bootstrap() : brokerOption;
            System.out.printf("bench kafka broker=%s count=%d queue_bytes=%d acks=%s linger.ms=%d rounds=%d "
                    + "loadavg=%s%n", bootstrap, count, queueBytes, acks, linger, rounds, loadAverage());
            Map<String, List<Run>> runs = new TreeMap<>();
            int failures = 0;
            for (int round = 1; round <= rounds; round++) {
                for (Run run : List.of(evi4j(bootstrap, count, queueBytes, acks, linger),
                        baseline(bootstrap, count, acks, linger))) {
                    System.out.printf("round=%d %s%n", round, run);
                    runs.computeIfAbsent(run.who(), k -> new ArrayList<>()).add(run);
                    failures += run.complete() ? 0 : 1;
                }
            }
            for (List<Run> each : runs.values()) {
                System.out.printf("median %s%n", Run.medians(each));
            }
            System.out.printf("bench kafka done loadavg=%s%n", loadAverage());
            return failures == 0 ? 0 : 1;
        } finally {
            if (own != null) {
                own.close();
            }
        }
    }

    /** Raises {@code count} events through the core to a transport of its own; waits until all are settled. */
    private static Run evi4j(String bootstrap, int count, long queueBytes, String acks, int linger)
            throws Exception {
        KafkaTransport transport = BenchKafka.start(queueBytes, acks, linger);
        try (BenchCore core = new BenchCore().transport("kafka", transport)
                .encoder("jsonrpc", new JsonRpcEventEncoder())) {
            EventInterface events = core.start();
            events.publish(EVENT);
            events.subscribe(EVENT, "kafka:" + bootstrap + "/" + topic(), 3600);
            // the producer and the topic are created on the first send: warm them (and the JIT) up first
            for (int i = 0; i < WARM_UP; i++) {
                events.raise(RAISED);
            }
            Stats before = await(transport, s -> s.settled() >= WARM_UP);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                events.raise(RAISED);
            }
            long raised = System.nanoTime();
            Stats after = await(transport, s -> s.settled() - before.settled() >= count);
            return new Run("evi4j", count, secs(start, raised), secs(start, after.at),
                    after.delivered - before.delivered, after.dropped - before.dropped,
                    after.failed - before.failed, after.at > 0);
        } finally {
            BenchKafka.stop(transport);
        }
    }

    /** The plain producer sending the same bytes in a loop on the caller's thread, with the same acks and linger. */
    private static Run baseline(String bootstrap, int count, String acks, int linger) throws Exception {
        byte[] value = new JsonRpcEventEncoder().encode(RAISED);
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "acks", acks, "linger.ms", linger);
        LongAdder acked = new LongAdder();
        LongAdder failed = new LongAdder();
        String topic = topic();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < WARM_UP; i++) {
                producer.send(new ProducerRecord<>(topic, value));
            }
            producer.flush();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, null, System.currentTimeMillis(), null, value),
                        (metadata, e) -> (e == null ? acked : failed).increment());
            }
            long sent = System.nanoTime();
            producer.flush();
            long done = System.nanoTime();
            return new Run("baseline", count, secs(start, sent), secs(start, done), acked.sum(), 0, failed.sum(),
                    acked.sum() + failed.sum() == count);
        }
    }

    /**
     * {@code bench kafka-down}: raises against a broker port nobody listens on. The queue (queue_bytes) absorbs the
     * first events, the rest are dropped; reports the raise rate of each phase.
     */
    static int down(Options o) throws Exception {
        int count = Math.min(MAX_COUNT, Math.max(1, o.integer("count", 1_000_000)));
        int rounds = Math.max(1, o.integer("rounds", 3));
        long queueBytes = Math.max(1024, o.integer("queue-bytes", 8 * 1024 * 1024));
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        System.out.printf("bench kafka --down broker=127.0.0.1:%d (closed) count=%d queue_bytes=%d event_bytes=%d "
                + "loadavg=%s%n", port, count, queueBytes, new JsonRpcEventEncoder().encode(RAISED).length,
                loadAverage());
        for (int round = 1; round <= rounds; round++) {
            KafkaTransport transport = BenchKafka.start(queueBytes, "all", 5);
            try (BenchCore core = new BenchCore().transport("kafka", transport)
                    .encoder("jsonrpc", new JsonRpcEventEncoder())) {
                EventInterface events = core.start();
                events.publish(EVENT);
                events.subscribe(EVENT, "kafka:127.0.0.1:" + port + "/down", 3600);
                long start = System.nanoTime();
                long firstDrop = 0;
                long absorbed = 0;
                for (int i = 0; i < count; i++) {
                    events.raise(RAISED);
                    if (firstDrop == 0 && (i & 63) == 63) {
                        KafkaProducerStats s = BenchKafka.producers(transport).get(0);
                        if (s.dropped() > 0) {
                            firstDrop = System.nanoTime();
                            absorbed = s.queued();
                        }
                    }
                }
                long end = System.nanoTime();
                KafkaProducerStats s = BenchKafka.producers(transport).get(0);
                double fill = secs(start, firstDrop == 0 ? end : firstDrop);
                System.out.printf("round=%d raise_per_s=%.0f absorbing_raise_per_s=%.0f dropping_raise_per_s=%s "
                        + "queued=%d dropped=%d waiting_bytes=%d%n", round, count / secs(start, end),
                        (firstDrop == 0 ? count : absorbed) / fill,
                        firstDrop == 0 ? "-" : String.format("%.0f", (count - absorbed) / secs(firstDrop, end)),
                        s.queued(), s.dropped(), s.waitingBytes());
            } finally {
                BenchKafka.stop(transport);
            }
        }
        return 0;
    }

    private static String topic() {
        return "evi4j-bench-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Polls the transport's counters until the condition holds (bounded: a stats with {@code at} 0 if not). */
    private static Stats await(KafkaTransport transport, Predicate<Stats> condition) {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT_NANOS;
        while (System.nanoTime() - deadline < 0) {
            Stats s = Stats.of(transport);
            if (condition.test(s)) {
                return s;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        System.out.printf("timed out: %s%n", BenchKafka.producers(transport));
        Stats last = Stats.of(transport);
        return new Stats(0, last.delivered, last.failed, last.dropped);
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

    /** The transport's producer counters at one moment. */
    private record Stats(long at, long delivered, long failed, long dropped) {

        long settled() {
            return delivered + failed + dropped;
        }

        static Stats of(KafkaTransport transport) {
            long now = System.nanoTime();
            List<KafkaProducerStats> all = BenchKafka.producers(transport);
            if (all.isEmpty()) {
                return new Stats(now, 0, 0, 0);
            }
            KafkaProducerStats p = all.get(0);
            return new Stats(now, p.delivered(), p.failed(), p.dropped());
        }
    }

    /** One measured run; rates are events per second from the first raise (or send). */
    private record Run(String who, long count, double raiseSecs, double ackSecs, long acked, long dropped,
            long failed, boolean complete) {

        static String medians(List<Run> runs) {
            Run first = runs.get(0);
            return String.format("%s count=%d raise_per_s=%.0f acked_per_s=%.0f acked=%.0f dropped=%.0f failed=%.0f%s",
                    first.who, first.count, median(runs, r -> r.count / r.raiseSecs),
                    median(runs, r -> r.acked / r.ackSecs), median(runs, r -> r.acked),
                    median(runs, r -> r.dropped), median(runs, r -> r.failed),
                    runs.stream().allMatch(Run::complete) ? "" : " INCOMPLETE");
        }

        private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> value) {
            double[] v = runs.stream().mapToDouble(value).sorted().toArray();
            return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }

        @Override
        public String toString() {
            return String.format("%s count=%d raise_per_s=%.0f acked_per_s=%.0f acked=%d dropped=%d failed=%d%s", who,
                    count, count / raiseSecs, acked / ackSecs, acked, dropped, failed, complete ? "" : " INCOMPLETE");
        }
    }
}
