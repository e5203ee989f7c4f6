package org.evi4j.mi.datagram.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evi4j.mi.datagram.internal.MiTestSupport.config;
import static org.evi4j.mi.datagram.internal.MiTestSupport.reversed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Four clients with sixteen requests in flight each, two readers: every reply reaches its own client once. */
@Timeout(60)
class ConcurrencyTest {
    private static final int CLIENTS = 4;
    private static final int REQUESTS = 16;

    private final ExecutorService pool = Executors.newFixedThreadPool(CLIENTS * 2);
    private final List<MiClient> peers = new ArrayList<>();
    private MiDatagramServer server;
    private Path dir;

    @AfterEach
    void tearDown() throws IOException {
        pool.shutdownNow();
        for (MiClient peer : peers) {
            peer.close();
        }
        if (server != null) {
            server.stop();
        }
        MiTestSupport.deleteTree(dir);
    }

    @Test
    void udpRepliesNeitherLostNorCrossed() throws Exception {
        server = new MiDatagramServer(MiTestSupport.REVERSE,
                config("socket_name", "udp:127.0.0.1:0", "children_count", 2));
        for (int c = 0; c < CLIENTS; c++) {
            UdpClient client = new UdpClient(server.localAddress());
            peers.add(client);
        }
        exchange();
    }

    @Test
    void unixRepliesNeitherLostNorCrossed() throws Exception {
        dir = MiTestSupport.shortTempDir();
        Path socket = dir.resolve("mi.sock");
        server = new MiDatagramServer(MiTestSupport.REVERSE,
                config("socket_name", socket.toString(), "children_count", 2, "socket_timeout", 20_000));
        for (int c = 0; c < CLIENTS; c++) {
            UnixClient client = new UnixClient(socket, dir.resolve("c" + c));
            peers.add(client);
        }
        exchange();
    }

    private void exchange() throws Exception {
        List<Future<?>> sending = new ArrayList<>();
        List<Future<Set<String>>> received = new ArrayList<>();
        List<Set<String>> sent = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            MiClient peer = peers.get(c);
            Set<String> requests = new HashSet<>();
            for (int r = 0; r < REQUESTS; r++) {
                requests.add("{\"jsonrpc\":\"2.0\",\"method\":\"ps\",\"id\":\"client" + c + "-request" + r + "\"}");
            }
            sent.add(requests);
            // the client reads while it sends, as one with requests in flight does
            received.add(pool.submit(() -> receiveAll(peer)));
            sending.add(pool.submit(() -> {
                for (String request : requests) {
                    peer.send(request);
                }
                return null;
            }));
        }
        for (int c = 0; c < CLIENTS; c++) {
            sending.get(c).get(30, TimeUnit.SECONDS);
            Set<String> requestsEchoed = received.get(c).get(30, TimeUnit.SECONDS);
            assertThat(requestsEchoed).as("client %d", c).isEqualTo(sent.get(c));
        }
        await().until(() -> server.statistics().replies() == CLIENTS * REQUESTS);
        assertThat(server.statistics().requests()).isEqualTo(CLIENTS * REQUESTS);
        assertThat(server.statistics().repliesDropped()).isZero();
    }

    private static Set<String> receiveAll(MiClient peer) throws IOException {
        Set<String> requests = new HashSet<>();
        for (int i = 0; i < REQUESTS; i++) {
            byte[] reply = peer.receive(20_000);
            assertThat(reply).as("reply %d", i).isNotNull();
            assertThat(requests.add(reversed(new String(reply, StandardCharsets.UTF_8)))).as("duplicate").isTrue();
        }
        return requests;
    }
}
