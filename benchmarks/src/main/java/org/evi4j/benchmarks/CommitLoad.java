package org.evi4j.benchmarks;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.evi4j.api.EventInterface;
import org.evi4j.spi.Destination;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.SendResult;

/**
 * {@code bench commit}: durable subscribe calls on the real core (journal in {@code --dir}) from {@code --clients}
 * threads, each one call at a time, without the MI or sockets in the way: the cost of a durable change and whether
 * concurrent changes share a force, on their own.
 */
final class CommitLoad {

    private CommitLoad() {
    }

    static int run(Options o) throws Exception {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of(o.string("dir", "."))), "bench-commit");
        int count = o.integer("count", 2000);
        int clients = Math.max(1, o.integer("clients", 1));
        Latencies latencies = new Latencies(count * clients);
        try (BenchCore core = new BenchCore(dir).transport("udp", new NullTransport())
                .encoder("jsonrpc", event -> new byte[0])) {
            EventInterface evi = core.start();
            evi.publish("E_BENCH");
            double seconds = Clients.run("bench-commit", clients, client -> {
                int first = 20_000 + client * 100;
                for (int i = 0; i < count; i++) {
                    long t0 = System.nanoTime();
                    evi.subscribe("E_BENCH", "udp:127.0.0.1:" + (first + i % 100), 600 + i % 7);
                    latencies.add(System.nanoTime() - t0);
                }
            });
            long total = (long) count * clients;
            System.out.printf("bench commit dir=%s clients=%d count=%d wall_s=%.3f per_s=%.0f lat_us %s%n",
                    dir.toAbsolutePath(), clients, total, seconds, total / seconds, latencies.summary());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /** A transport that accepts any address and sends nothing: only the subscription path is measured. */
    private static final class NullTransport implements EventTransport {
        @Override
        public Destination parse(String address) {
            return () -> address;
        }

        @Override
        public SendResult send(Destination destination, ByteBuffer payload) {
            return SendResult.SENT;
        }
    }
}
