package org.evi4j.mi.datagram.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evi4j.mi.datagram.internal.MiTestSupport.bytes;
import static org.evi4j.mi.datagram.internal.MiTestSupport.config;
import static org.evi4j.mi.datagram.internal.MiTestSupport.reversed;
import static org.evi4j.mi.datagram.internal.MiTestSupport.text;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code busy_poll_us}: a reader polls only within the window after a request, and blocks when idle. */
@Timeout(60)
class BusyPollTest {
    private static final long LONG_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long SHORT_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final FakeEndpoint endpoint = new FakeEndpoint();
    private Thread reader;
    private MiDatagramServer server;

    @AfterEach
    void stop() throws InterruptedException {
        endpoint.close();
        if (reader != null) {
            reader.join(10_000);
            assertThat(reader.isAlive()).as("reader ended after close").isFalse();
        }
        if (server != null) {
            server.stop();
        }
    }

    private void startReader(long busyPollNanos) {
        reader = new Thread(new Reader(endpoint, MiTestSupport.REVERSE, "\t", new SocketCounters("fake"),
                new ServerLogs(), new Leadership(), true, busyPollNanos, CommandPolicy.ALL), "busy-poll-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private String call(String request) throws InterruptedException {
        endpoint.incoming.add(bytes(request));
        byte[] reply = endpoint.replies.poll(10, TimeUnit.SECONDS);
        return reply == null ? null : new String(reply, StandardCharsets.UTF_8);
    }

    @Test
    void aReaderWithoutAWindowNeverPolls() throws InterruptedException {
        startReader(0);
        for (int i = 0; i < 20; i++) {
            assertThat(call("r" + i)).isEqualTo(reversed("r" + i));
        }
        assertThat(endpoint.polls.get()).isZero();
        assertThat(endpoint.blockingReceives.get()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void aRequestWithinTheWindowIsPolledNotWaitedFor() throws InterruptedException {
        startReader(LONG_WINDOW_NANOS);
        assertThat(call("first")).isEqualTo("tsrif");
        await().until(() -> endpoint.polls.get() > 0);
        assertThat(call("second")).isEqualTo("dnoces");
        assertThat(call("third")).isEqualTo("driht");
        // only the first request was waited for: the others came while the reader polled
        assertThat(endpoint.blockingReceives.get()).isEqualTo(1);
        // closing ends a reader that is polling (stop() checks it ends)
    }

    @Test
    void theReaderBlocksAgainOnceTheWindowHasPassed() throws InterruptedException {
        startReader(SHORT_WINDOW_NANOS);
        assertThat(call("one")).isEqualTo("eno");
        // after the window the reader waits in receive again, and no longer polls
        await().until(() -> endpoint.blockingReceives.get() == 2 && endpoint.waiting);
        int polls = endpoint.polls.get();
        assertThat(polls).isPositive();
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(10))
                .until(() -> endpoint.polls.get() == polls && endpoint.waiting);
        assertThat(call("two")).isEqualTo("owt");
    }

    @Test
    void aUdpReaderGoesBackToSleepWhenIdle() throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(threads.isThreadCpuTimeSupported(), "no thread CPU time here");
        // a window of 10 ms: long enough to see, short enough to be over before the first look
        server = new MiDatagramServer(MiTestSupport.REVERSE,
                config("socket_name", "udp:127.0.0.1:0", "busy_poll_us", 10_000));
        try (MiClient client = new UdpClient(server.localAddress())) {
            for (int i = 0; i < 10; i++) {
                assertThat(client.call("x" + i)).isEqualTo(i + "x");
            }
        }
        long readerId = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("evi4j-mi-" + server.statistics().socket() + "-"))
                .findFirst().orElseThrow().getId();
        // a reader that kept polling would use most of a core; a blocked one uses none
        await().atMost(Duration.ofSeconds(20)).until(() -> cpuMillisOver(threads, readerId, 200) < 50);
    }

    private static long cpuMillisOver(ThreadMXBean threads, long threadId, long millis) throws InterruptedException {
        long before = threads.getThreadCpuTime(threadId);
        Thread.sleep(millis);
        return TimeUnit.NANOSECONDS.toMillis(threads.getThreadCpuTime(threadId) - before);
    }

    @Test
    void unixSocketsNeverPoll() throws IOException {
        Path dir = MiTestSupport.shortTempDir();
        Path socket = dir.resolve("s");
        try (UnixEndpoint unix = UnixEndpoint.open(socket, ServerSettings.of(config("socket_name", socket.toString())))) {
            // junixsocket sends with SO_SNDTIMEO, which a non-blocking channel would not wait for
            assertThat(unix.canPoll()).isFalse();
        } finally {
            MiTestSupport.deleteTree(dir);
        }
    }

    /** Datagrams from a queue; counts blocking receives and polls; records replies. */
    private static final class FakeEndpoint implements Endpoint {
        private static final SocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 5);
        final BlockingQueue<byte[]> incoming = new LinkedBlockingQueue<>();
        final BlockingQueue<byte[]> replies = new LinkedBlockingQueue<>();
        final AtomicInteger blockingReceives = new AtomicInteger();
        final AtomicInteger polls = new AtomicInteger();
        volatile boolean waiting;
        private volatile boolean open = true;

        @Override
        public SocketAddress receive(ByteBuffer request) throws IOException {
            blockingReceives.incrementAndGet();
            waiting = true;
            try {
                while (open) {
                    byte[] datagram = incoming.poll(20, TimeUnit.MILLISECONDS);
                    if (datagram != null) {
                        request.put(datagram);
                        return CLIENT;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiting = false;
            }
            throw new ClosedChannelException();
        }

        @Override
        public boolean canPoll() {
            return true;
        }

        @Override
        public SocketAddress poll(ByteBuffer request) throws IOException {
            if (!open) {
                throw new ClosedChannelException();
            }
            polls.incrementAndGet();
            byte[] datagram = incoming.poll();
            if (datagram == null) {
                return null;
            }
            request.put(datagram);
            return CLIENT;
        }

        @Override
        public boolean reply(ByteBuffer reply, SocketAddress to) {
            replies.add(bytes(text(reply)));
            return true;
        }

        @Override
        public boolean allows(SocketAddress source) {
            return true;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public SocketAddress localAddress() {
            return CLIENT;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
