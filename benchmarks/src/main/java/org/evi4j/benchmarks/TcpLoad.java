package org.evi4j.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.evi4j.api.Event;
import org.evi4j.api.EventInterface;
import org.evi4j.encoder.jsonrpc.internal.JsonRpcEventEncoder;
import org.evi4j.transport.tcp.internal.TcpConnectionStats;
import org.evi4j.transport.tcp.internal.TcpTransport;
import org.evi4j.transport.tcp.internal.TcpTransportConfig;
import org.evi4j.testkit.Configs;

/**
 * {@code bench tcp}: raises N events as fast as it can through the real core, JSON-RPC encoder and TCP transport to
 * one {@code tcp:} subscriber, and, in the same rounds, a raw blocking {@code SocketChannel} writing the same bytes
 * in a loop (one write per event). Both go to the same kind of receiver: a thread draining a real loopback
 * connection, counting bytes. The rate is events that reached the receiver per second, from the first raise (or
 * write) to the last byte read. Reliable mode: the receiver answers every request at once and the rate counts
 * events the transport saw answered (delivered).
 */
final class TcpLoad {

    private static final String EVENT = "E_BENCH_TCP";
    private static final Event RAISED = Event.builder(EVENT).param("caller", "sip:alice@example.com")
            .param("callee", "sip:bob@example.com").param("call_id", "a84b4c76e66710@pc33.example.com")
            .param("code", 200).build();
    private static final int WARM_UP = 20_000;
    private static final int MAX_COUNT = 10_000_000;
    private static final long SETTLE_TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(2);

    private TcpLoad() {
    }

    static int run(Options o) throws Exception {
        int count = Math.min(MAX_COUNT, Math.max(1, o.integer("count", 500_000)));
        int rounds = Math.max(1, o.integer("rounds", 3));
        int queueBytes = Math.max(1024, o.integer("queue-bytes", 4 * 1024 * 1024));
        System.out.printf("bench tcp count=%d queue_bytes=%d rounds=%d loadavg=%s%n", count, queueBytes, rounds,
                loadAverage());
        List<Double> ratios = new ArrayList<>();
        List<Double> reliable = new ArrayList<>();
        boolean complete = true;
        for (int round = 1; round <= rounds; round++) {
            Run e = evi4j(count, queueBytes, false);
            Run r = raw(count);
            Run rel = evi4j(count, queueBytes, true);
            System.out.printf("round=%d %s%nround=%d %s%nround=%d %s%nround=%d evi4j/raw=%.2f%n", round, e, round,
                    r, round, rel, round, e.rate() / r.rate());
            ratios.add(e.rate() / r.rate());
            reliable.add(rel.rate());
            complete &= e.complete && r.complete && rel.complete;
        }
        System.out.printf("median evi4j/raw=%.2f reliable delivered/s=%.0f loadavg=%s%n", median(ratios),
                median(reliable), loadAverage());
        return complete ? 0 : 1;
    }

    /** One measured run: events that arrived, dropped, seconds from start to the last arrival. */
    record Run(String name, long arrived, long dropped, double seconds, boolean complete) {
        double rate() {
            return arrived / seconds;
        }

        @Override
        public String toString() {
            return String.format("%s arrived=%d dropped=%d seconds=%.3f events/s=%.0f%s", name, arrived, dropped,
                    seconds, rate(), complete ? "" : " INCOMPLETE");
        }
    }

    private static Run evi4j(int count, int queueBytes, boolean reliable) throws Exception {
        byte[] notification = new JsonRpcEventEncoder().encode(RAISED);
        try (Receiver receiver = new Receiver(reliable)) {
            TcpTransport transport = new TcpTransport(Configs.of(TcpTransportConfig.class,
                    Map.of("reliable_mode", reliable ? "1" : "0", "timeout", 10_000, "queue_bytes", queueBytes)));
            try (BenchCore core = new BenchCore().transport("tcp", transport)
                    .encoder("jsonrpc", new JsonRpcEventEncoder())) {
                EventInterface events = core.start();
                events.publish(EVENT);
                events.subscribe(EVENT, "tcp:127.0.0.1:" + receiver.port(), 3600);
                for (int i = 0; i < WARM_UP; i++) {
                    events.raise(RAISED);
                }
                boolean warm = await(() -> settled(transport, reliable, WARM_UP));
                TcpConnectionStats before = transport.connections().get(0);
                long bytesBefore = receiver.bytes.get();
                long start = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    events.raise(RAISED);
                }
                boolean done = await(() -> settled(transport, reliable, WARM_UP + count)
                        && (reliable || receiver.bytes.get() - bytesBefore >= arrivedBytes(transport, before,
                                notification.length)));
                long end = System.nanoTime();
                TcpConnectionStats after = transport.connections().get(0);
                long arrived = reliable ? after.delivered() - before.delivered() : after.sent() - before.sent();
                return new Run(reliable ? "evi4j-reliable" : "evi4j", arrived, after.dropped() - before.dropped(),
                        (end - start) / 1e9, warm && done);
            } finally {
                transport.deactivate();
            }
        }
    }

    private static long arrivedBytes(TcpTransport transport, TcpConnectionStats before, int length) {
        return (transport.connections().get(0).sent() - before.sent()) * length;
    }

    /** Every event raised so far is accounted for: sent (and answered, in reliable mode) or dropped. */
    private static boolean settled(TcpTransport transport, boolean reliable, long raised) {
        List<TcpConnectionStats> all = transport.connections();
        if (all.isEmpty()) {
            return false;
        }
        TcpConnectionStats s = all.get(0);
        long finished = reliable ? s.delivered() + s.failed() : s.sent();
        return finished + s.dropped() >= raised;
    }

    private static Run raw(int count) throws Exception {
        ByteBuffer payload = ByteBuffer.wrap(new JsonRpcEventEncoder().encode(RAISED));
        try (Receiver receiver = new Receiver(false);
                SocketChannel channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        receiver.port()))) {
            for (int i = 0; i < WARM_UP; i++) {
                write(channel, payload);
            }
            long total = (long) payload.capacity() * (WARM_UP + count);
            await(() -> receiver.bytes.get() >= (long) payload.capacity() * WARM_UP);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                write(channel, payload);
            }
            boolean done = await(() -> receiver.bytes.get() >= total);
            return new Run("raw", count, 0, (System.nanoTime() - start) / 1e9, done);
        }
    }

    private static void write(SocketChannel channel, ByteBuffer payload) throws IOException {
        payload.clear();
        while (payload.hasRemaining()) {
            channel.write(payload);
        }
    }

    static boolean await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
        }
        return true;
    }

    /**
     * A loopback listener whose thread drains one connection, counting bytes; in reliable mode it answers each
     * request ({@code {"id":N,...}}) at once with {@code {"jsonrpc":"2.0","result":"OK","id":N}}.
     */
    private static final class Receiver implements AutoCloseable {
        private static final byte[] ID = "{\"id\":".getBytes(StandardCharsets.US_ASCII);
        final AtomicLong bytes = new AtomicLong();
        private final ServerSocketChannel server;
        private final Thread thread;
        private final boolean answer;
        private volatile SocketChannel accepted;

        Receiver(boolean answer) throws IOException {
            this.answer = answer;
            server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            thread = new Thread(this::drain, "bench-tcp-receiver");
            thread.setDaemon(true);
            thread.start();
        }

        int port() throws IOException {
            return ((InetSocketAddress) server.getLocalAddress()).getPort();
        }

        private void drain() {
            ByteBuffer in = ByteBuffer.allocate(1 << 16);
            ByteBuffer out = ByteBuffer.allocate(1 << 20);
            int matched = 0;
            long id = -1;
            try (SocketChannel c = server.accept()) {
                accepted = c;
                for (int n = c.read(in); n >= 0; n = c.read(in.clear())) {
                    bytes.addAndGet(n);
                    if (!answer) {
                        continue;
                    }
                    out.clear();
                    for (int i = 0; i < n; i++) {
                        byte b = in.get(i);
                        if (id >= 0) {
                            if (b >= '0' && b <= '9') {
                                id = id * 10 + (b - '0');
                                continue;
                            }
                            out.put(("{\"jsonrpc\":\"2.0\",\"result\":\"OK\",\"id\":" + id + "}")
                                    .getBytes(StandardCharsets.US_ASCII));
                            id = -1;
                        }
                        matched = b == ID[matched] ? matched + 1 : (b == ID[0] ? 1 : 0);
                        if (matched == ID.length) {
                            matched = 0;
                            id = 0;
                        }
                    }
                    out.flip();
                    while (out.hasRemaining()) {
                        c.write(out);
                    }
                }
            } catch (IOException e) {
                // closed
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            SocketChannel c = accepted;
            if (c != null) {
                c.close();
            }
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().replace(' ', '/');
        } catch (IOException e) {
            return "unknown";
        }
    }
}
