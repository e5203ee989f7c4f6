package org.evi4j.transport.unix.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.evi4j.spi.Destination;
import org.evi4j.spi.SendResult;
import org.evi4j.spi.SendResult.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class UnixTransportConcurrencyTest {

    private static final int THREADS = 4;
    private static final int PER_THREAD = 50;
    private static final int MAX_ATTEMPTS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void concurrentProducersAllArrive() throws Exception {
        UnixTransport transport = new UnixTransport();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (UnixDatagramPeer peer = new UnixDatagramPeer(dir.resolve("ev.sock"))) {
            Destination destination = transport.parse(peer.path().toString());
            List<Future<Set<Status>>> outcomes = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                outcomes.add(pool.submit(() -> sendAll(transport, destination, thread)));
            }
            Set<String> received = new HashSet<>();
            for (int i = 0; i < THREADS * PER_THREAD; i++) {
                received.add(new String(peer.receive(), UTF_8));
            }
            for (Future<Set<Status>> f : outcomes) {
                // the receiver's queue holds only a few datagrams: a full queue shows as DROPPED, never worse
                assertThat(f.get(30, TimeUnit.SECONDS)).contains(Status.SENT).doesNotContain(Status.FAILED);
            }
            assertThat(received).hasSize(THREADS * PER_THREAD).contains("t0-0", "t3-" + (PER_THREAD - 1));
            assertThat(transport.openChannels()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
            transport.deactivate();
        }
    }

    /** Sends each message until it is accepted (bounded), as a producer that retries drops would. */
    private static Set<Status> sendAll(UnixTransport transport, Destination destination, int thread) {
        Set<Status> seen = new HashSet<>();
        for (int i = 0; i < PER_THREAD; i++) {
            ByteBuffer payload = ByteBuffer.wrap(("t" + thread + "-" + i).getBytes(UTF_8));
            SendResult result = null;
            for (int attempt = 0; attempt < MAX_ATTEMPTS && result != SendResult.SENT; attempt++) {
                result = transport.send(destination, payload);
                seen.add(result.status());
                if (result.status() == Status.FAILED) {
                    return seen;
                }
                Thread.onSpinWait();
            }
        }
        return seen;
    }
}
