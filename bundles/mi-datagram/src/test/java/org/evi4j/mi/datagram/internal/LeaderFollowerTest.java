package org.evi4j.mi.datagram.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evi4j.mi.datagram.internal.MiTestSupport.answer;
import static org.evi4j.mi.datagram.internal.MiTestSupport.config;
import static org.evi4j.mi.datagram.internal.MiTestSupport.text;
import static org.evi4j.mi.datagram.internal.UdpServerTest.awaitQuietly;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.evi4j.mi.MiDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Several readers on one socket: one serves while commands are quick, another takes over while one is slow. */
@Timeout(60)
class LeaderFollowerTest {
    private final Map<String, CountDownLatch> entered = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> release = new ConcurrentHashMap<>();
    private final List<String> servedBy = new ArrayList<>();
    private MiDatagramServer server;

    /** Blocks on requests named {@code block...} until released; records which thread served each request. */
    private final MiDispatcher dispatcher = (request, reply, indent) -> {
        String req = text(request);
        synchronized (servedBy) {
            servedBy.add(Thread.currentThread().getName());
        }
        if (req.startsWith("block")) {
            latch(entered, req).countDown();
            awaitQuietly(latch(release, req));
        }
        return answer(reply, "done " + req);
    };

    private static CountDownLatch latch(Map<String, CountDownLatch> latches, String name) {
        return latches.computeIfAbsent(name, n -> new CountDownLatch(1));
    }

    @AfterEach
    void stop() {
        release.values().forEach(CountDownLatch::countDown);
        if (server != null) {
            server.stop();
        }
    }

    private MiClient client() throws IOException {
        return new UdpClient(server.localAddress());
    }

    private void start(int readers) throws IOException {
        server = new MiDatagramServer(dispatcher, config("socket_name", "udp:127.0.0.1:0", "children_count", readers));
    }

    @Test
    void quickRequestsDoNotWanderBetweenReaders() throws IOException {
        start(2);
        int requests = 200;
        try (MiClient client = client()) {
            for (int i = 0; i < requests; i++) {
                assertThat(client.call("r" + i)).isEqualTo("done r" + i);
            }
        }
        int handovers = 0;
        for (int i = 1; i < servedBy.size(); i++) {
            handovers += servedBy.get(i).equals(servedBy.get(i - 1)) ? 0 : 1;
        }
        // readers taking turns on the socket change hands on every request; a preempted leader may be relieved
        assertThat(handovers).as("reader changes over %d quick requests", requests).isLessThan(requests / 8);
    }

    @Test
    void aFormerLeaderTakesOverAgainWhenTheNewOneIsBusy() throws Exception {
        start(2);
        try (MiClient first = client(); MiClient second = client(); MiClient other = client()) {
            first.send("block1");
            assertThat(latch(entered, "block1").await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(other.call("quick1")).isEqualTo("done quick1");
            latch(release, "block1").countDown();
            assertThat(new String(first.receive(10_000))).isEqualTo("done block1");

            second.send("block2");
            assertThat(latch(entered, "block2").await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(other.call("quick2")).isEqualTo("done quick2");
            latch(release, "block2").countDown();
            assertThat(new String(second.receive(10_000))).isEqualTo("done block2");
        }
        // block1, quick1, block2, quick2: each quick one by the reader not blocked, the first leader again at last
        assertThat(servedBy).hasSize(4);
        assertThat(servedBy.get(1)).isNotEqualTo(servedBy.get(0)).isEqualTo(servedBy.get(2));
        assertThat(servedBy.get(3)).isEqualTo(servedBy.get(0));
    }

    @Test
    void twoSlowCommandsStillLeaveAThirdReaderToServe() throws Exception {
        start(3);
        try (MiClient first = client(); MiClient second = client(); MiClient other = client()) {
            first.send("block1");
            assertThat(latch(entered, "block1").await(10, TimeUnit.SECONDS)).isTrue();
            second.send("block2");
            assertThat(latch(entered, "block2").await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(other.call("quick")).isEqualTo("done quick");
            latch(release, "block1").countDown();
            latch(release, "block2").countDown();
            assertThat(new String(first.receive(10_000))).isEqualTo("done block1");
            assertThat(new String(second.receive(10_000))).isEqualTo("done block2");
            assertThat(other.call("again")).isEqualTo("done again");
        }
        assertThat(servedBy.subList(0, 3)).doesNotHaveDuplicates();
    }

    @Test
    void anIdleFollowerSleepsUntilWoken() throws IOException {
        start(2);
        try (MiClient client = client()) {
            assertThat(client.call("wake the watcher")).isEqualTo("done wake the watcher");
        }
        String socket = server.statistics().socket();
        // no request for a while: the follower waits without a timeout (no polling), the leader in receive
        await().atMost(10, TimeUnit.SECONDS).until(() -> readers(socket).values().stream()
                .filter(state -> state == Thread.State.WAITING).count() == 1);
        try (MiClient client = client()) {
            assertThat(client.call("still served")).isEqualTo("done still served");
        }
    }

    private static Map<String, Thread.State> readers(String socket) {
        Map<String, Thread.State> states = new ConcurrentHashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("evi4j-mi-" + socket + "-")) {
                states.put(t.getName(), t.getState());
            }
        }
        return states;
    }
}
