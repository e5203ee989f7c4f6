package org.evi4j.mi.datagram.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evi4j.mi.datagram.internal.MiTestSupport.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A UNIX client that does not read: its receive queue fills and the server must wait, then give up. */
@Timeout(60)
class SlowUnixClientTest {
    private Path dir;
    private Path socket;
    private MiDatagramServer server;

    @BeforeEach
    void setUp() throws IOException {
        dir = MiTestSupport.shortTempDir();
        socket = dir.resolve("mi.sock");
    }

    @AfterEach
    void tearDown() throws IOException {
        if (server != null) {
            server.stop();
        }
        MiTestSupport.deleteTree(dir);
    }

    @Test
    void aReplyWaitsForRoomInTheClientQueue() throws IOException {
        server = new MiDatagramServer(MiTestSupport.REVERSE,
                config("socket_name", socket.toString(), "socket_timeout", 30_000));
        int requests = MiTestSupport.unixQueueLength() + 4;
        try (UnixClient slow = new UnixClient(socket, dir.resolve("slow"))) {
            for (int i = 0; i < requests; i++) {
                slow.send(String.format("%03d", i));
            }
            // the reader has the next request in hand and cannot deliver its reply: the queue is full
            await().atMost(Duration.ofSeconds(20)).until(() -> server.statistics().requests()
                    == server.statistics().replies() + 1 && server.statistics().replies() >= requests - 5);
            for (int i = 0; i < requests; i++) {
                byte[] reply = slow.receive(20_000);
                assertThat(reply).as("reply %d", i).isNotNull();
                assertThat(new String(reply, StandardCharsets.UTF_8)).isEqualTo(MiTestSupport.reversed(
                        String.format("%03d", i)));
            }
        }
        assertThat(server.statistics().repliesDropped()).isZero();
    }

    @Test
    void aReplyThatFindsNoRoomWithinTheTimeoutIsDroppedAndCounted() throws IOException {
        server = new MiDatagramServer(MiTestSupport.REVERSE,
                config("socket_name", socket.toString(), "socket_timeout", 50));
        int requests = MiTestSupport.unixQueueLength() + 4;
        try (UnixClient slow = new UnixClient(socket, dir.resolve("slow"))) {
            for (int i = 0; i < requests; i++) {
                slow.send("never read " + i);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> server.statistics().repliesDropped() >= 1
                    && server.statistics().replies() + server.statistics().repliesDropped() == requests);
            assertThat(server.statistics().replies()).isLessThan(requests);
        }
        try (UnixClient other = new UnixClient(socket, dir.resolve("other"))) {
            assertThat(other.call("still here")).isEqualTo("ereh llits");
        }
    }
}
