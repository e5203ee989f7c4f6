package org.evi4j.benchmarks;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.evi4j.api.Event;
import org.evi4j.api.EventInterface;
import org.evi4j.api.EventParam;
import org.evi4j.encoder.jsonrpc.internal.JsonRpcEventEncoder;
import org.evi4j.testkit.Configs;
import org.evi4j.transport.flatstore.internal.FlatstoreTransport;
import org.evi4j.transport.flatstore.internal.FlatstoreTransportConfig;

/**
 * {@code bench flatstore}: raises N events as fast as one thread can through the real core and flatstore transport
 * to one {@code flatstore:} subscriber, and, in the same rounds, a raw loop appending the same lines to a file
 * through a {@link BufferedOutputStream} (64 KiB, flushed at the end). The rate is lines in the file per second,
 * from the first raise (or write) until the file holds every byte.
 */
final class FlatLoad {

    private static final String EVENT = "E_BENCH_FLAT";
    private static final Event RAISED = Event.builder(EVENT).param("caller", "sip:alice@example.com")
            .param("callee", "sip:bob@example.com").param("call_id", "a84b4c76e66710@pc33.example.com")
            .param("code", 200).build();
    /** The line flatstore writes for {@link #RAISED} with the default configuration. */
    private static final byte[] LINE = (EVENT + ",sip:alice@example.com,sip:bob@example.com,"
            + "a84b4c76e66710@pc33.example.com,200\n").getBytes(StandardCharsets.UTF_8);
    private static final int MAX_COUNT = 10_000_000;

    private FlatLoad() {
    }

    static int run(Options o) throws Exception {
        int count = Math.min(MAX_COUNT, Math.max(1, o.integer("count", 500_000)));
        int rounds = Math.max(1, o.integer("rounds", 3));
        int queueBytes = Math.max(1024, o.integer("queue-bytes", 4 * 1024 * 1024));
        Path folder = Files.createTempDirectory("evi4j-bench-flat");
        System.out.printf("bench flatstore count=%d queue_bytes=%d rounds=%d folder=%s loadavg=%s%n", count,
                queueBytes, rounds, folder, TcpLoad.loadAverage());
        List<Double> ratios = new ArrayList<>();
        List<Double> formatting = new ArrayList<>();
        boolean complete = true;
        try {
            for (int round = 1; round <= rounds; round++) {
                TcpLoad.Run e = evi4j(folder.resolve("evi4j-" + round + ".log"), count, queueBytes);
                TcpLoad.Run r = raw(folder.resolve("raw-" + round + ".log"), count, false);
                TcpLoad.Run f = raw(folder.resolve("rawfmt-" + round + ".log"), count, true);
                System.out.printf("round=%d %s%nround=%d %s%nround=%d %s%nround=%d evi4j/raw=%.2f "
                        + "evi4j/raw-formatting=%.2f%n", round, e, round, r, round, f, round, e.rate() / r.rate(),
                        e.rate() / f.rate());
                ratios.add(e.rate() / r.rate());
                formatting.add(e.rate() / f.rate());
                complete &= e.complete() && r.complete() && f.complete();
            }
        } finally {
            delete(folder);
        }
        System.out.printf("median evi4j/raw=%.2f evi4j/raw-formatting=%.2f loadavg=%s%n", TcpLoad.median(ratios),
                TcpLoad.median(formatting), TcpLoad.loadAverage());
        return complete ? 0 : 1;
    }

    private static TcpLoad.Run evi4j(Path file, int count, int queueBytes) throws Exception {
        FlatstoreTransport transport = new FlatstoreTransport(Configs.of(FlatstoreTransportConfig.class,
                Map.of("queue_bytes", queueBytes, "allowed_folders", file.getParent().toString())), (Path) null);
        try (BenchCore core = new BenchCore().transport("flatstore", transport)
                .encoder("jsonrpc", new JsonRpcEventEncoder())) {
            EventInterface events = core.start();
            events.publish(EVENT);
            events.subscribe(EVENT, "flatstore:" + file, 3600);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                events.raise(RAISED);
            }
            long dropped = events.subscribers(EVENT).get(0).dropped();
            long expected = (count - dropped) * LINE.length;
            boolean done = TcpLoad.await(() -> size(file) >= expected
                    && events.subscribers(EVENT).get(0).sent() + dropped >= count);
            long end = System.nanoTime();
            boolean exact = size(file) == expected;
            return new TcpLoad.Run("evi4j", count - dropped, dropped, (end - start) / 1e9, done && exact);
        } finally {
            transport.deactivate();
        }
    }

    /**
     * The raw loop: the same line appended {@code count} times; with {@code formatting}, each line is first built
     * from the event with plain string operations, as a producer logging its own events would.
     */
    private static TcpLoad.Run raw(Path file, int count, boolean formatting) throws IOException {
        long start = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(new FileOutputStream(file.toFile(), true), 64 * 1024)) {
            for (int i = 0; i < count; i++) {
                out.write(formatting ? format(RAISED) : LINE);
            }
        }
        long end = System.nanoTime();
        return new TcpLoad.Run(formatting ? "raw-formatting" : "raw", count, 0, (end - start) / 1e9,
                size(file) == (long) count * LINE.length);
    }

    private static byte[] format(Event event) {
        StringBuilder line = new StringBuilder(event.name());
        for (EventParam param : event.params()) {
            line.append(',');
            if (param.type() == EventParam.Type.INT) {
                line.append(param.intValue());
            } else if (param.type() == EventParam.Type.STRING) {
                line.append(param.stringValue().replace(',', ' '));
            }
        }
        return line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
