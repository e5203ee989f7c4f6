package org.evi4j.transport.udp.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class UdpTransportConcurrencyTest {

    private static final int THREADS = 4;
    private static final int PER_THREAD = 25;

    @Test
    @Timeout(60)
    void concurrentProducersAllArrive() throws Exception {
        UdpTransport transport = UdpTestConfigs.transport();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (UdpReceiver receiver = new UdpReceiver("127.0.0.1")) {
            Destination destination = transport.parse("127.0.0.1:" + receiver.port());
            List<Future<List<SendResult>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit(() -> sendAll(transport, destination, thread)));
            }
            Set<String> received = new HashSet<>();
            for (int i = 0; i < THREADS * PER_THREAD; i++) {
                received.add(new String(receiver.receive(), UTF_8));
            }
            for (Future<List<SendResult>> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS)).hasSize(PER_THREAD).containsOnly(SendResult.SENT);
            }
            assertThat(received).hasSize(THREADS * PER_THREAD).contains("t0-0", "t3-" + (PER_THREAD - 1));
            assertThat(transport.openChannels()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
            transport.deactivate();
        }
    }

    private static List<SendResult> sendAll(UdpTransport transport, Destination destination, int thread) {
        List<SendResult> results = new ArrayList<>();
        for (int i = 0; i < PER_THREAD; i++) {
            results.add(transport.send(destination, ByteBuffer.wrap(("t" + thread + "-" + i).getBytes(UTF_8))));
        }
        return results;
    }
}
