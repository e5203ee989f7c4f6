package org.evi4j.mi.datagram.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.evi4j.mi.datagram.internal.MiTestSupport.answer;
import static org.evi4j.mi.datagram.internal.MiTestSupport.config;
import static org.evi4j.mi.datagram.internal.MiTestSupport.readerThreads;
import static org.evi4j.mi.datagram.internal.MiTestSupport.text;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.evi4j.mi.MiDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class UdpServerTest {
    private MiDatagramServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private MiDatagramServer start(MiDispatcher dispatcher, Object... properties) throws IOException {
        server = new MiDatagramServer(dispatcher, config(properties));
        return server;
    }

    private MiClient client() throws IOException {
        return new UdpClient(server.localAddress());
    }

    @Test
    void answersOnTheBoundEphemeralPortAndCounts() throws IOException {
        start(MiTestSupport.REVERSE, "socket_name", "udp:127.0.0.1:0");
        InetSocketAddress bound = (InetSocketAddress) server.localAddress();
        assertThat(bound.getPort()).isPositive();
        assertThat(server.statistics().socket()).isEqualTo("udp:127.0.0.1:" + bound.getPort());
        try (MiClient client = client()) {
            assertThat(client.call(":ps:\n")).isEqualTo("\n:sp:");
        }
        assertThat(server.statistics().requests()).isEqualTo(1);
        await().until(() -> server.statistics().replies() == 1);
    }

    @Test
    void servesIpv6InBrackets() throws IOException {
        Assumptions.assumeTrue(ipv6Loopback(), "no ::1 here");
        start(MiTestSupport.REVERSE, "socket_name", "udp:[::1]:0");
        assertThat(server.statistics().socket()).matches("udp:\\[::1]:[1-9][0-9]*");
        try (MiClient client = client()) {
            assertThat(client.call("{\"id\":1}")).isEqualTo("}1:\"di\"{");
        }
    }

    @Test
    void repliesGoToTheSenderOnly() throws IOException {
        start(MiTestSupport.REVERSE, "socket_name", "udp:127.0.0.1:0");
        try (MiClient asking = client(); MiClient other = client()) {
            asking.send("abc");
            other.send("xyz");
            assertThat(asking.receive(10_000)).isEqualTo("cba".getBytes());
            assertThat(other.receive(10_000)).isEqualTo("zyx".getBytes());
        }
    }

    @Test
    void sendsNothingWhenTheDispatcherSaysNoReply() throws IOException {
        MiDispatcher onlyAnswers = (request, reply, indent) ->
                text(request).startsWith("answer") && answer(reply, "reply to " + text(request));
        start(onlyAnswers, "socket_name", "udp:127.0.0.1:0");
        try (MiClient client = client()) {
            client.send("notification");
            client.send("answer me");
            // one reader serves in order: a reply to the first would come first
            assertThat(new String(client.receive(10_000))).isEqualTo("reply to answer me");
        }
        assertThat(server.statistics().requests()).isEqualTo(2);
        await().until(() -> server.statistics().replies() == 1);
        assertThat(server.statistics().repliesDropped()).isZero();
    }

    @Test
    void cutsOversizedRequestsTo65457BytesAndOffersA65457ByteReplyBuffer() throws IOException {
        AtomicReference<byte[]> seen = new AtomicReference<>();
        AtomicInteger replyCapacity = new AtomicInteger();
        MiDispatcher recording = (request, reply, indent) -> {
            byte[] copy = new byte[request.remaining()];
            request.get(copy);
            seen.set(copy);
            replyCapacity.set(reply.capacity());
            return answer(reply, Integer.toString(copy.length));
        };
        start(recording, "socket_name", "udp:127.0.0.1:0");
        byte[] big = new byte[65500];
        Arrays.fill(big, (byte) 'a');
        big[65456] = 'L';
        big[65457] = 'X';
        try (MiClient client = client()) {
            client.send(big);
            assertThat(new String(client.receive(10_000))).isEqualTo("65457");
            assertThat(seen.get()).hasSize(65457).endsWith((byte) 'L');
            assertThat(replyCapacity.get()).isEqualTo(65457);
            assertThat(server.statistics().truncated()).isEqualTo(1);

            client.send(Arrays.copyOf(big, 65457));
            assertThat(new String(client.receive(10_000))).isEqualTo("65457");
            assertThat(server.statistics().truncated()).isEqualTo(1);
        }
    }

    @Test
    void carriesAFullSizeReply() throws IOException {
        MiDispatcher big = (request, reply, indent) -> {
            reply.clear();
            while (reply.hasRemaining()) {
                reply.put((byte) 'r');
            }
            reply.flip();
            return true;
        };
        start(big, "socket_name", "udp:127.0.0.1:0");
        try (MiClient client = client()) {
            client.send("x");
            assertThat(client.receive(10_000)).hasSize(65457);
        }
    }

    @Test
    void ignoresSourcesOutsideAllowedSources() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        MiDispatcher counting = (request, reply, indent) -> {
            calls.incrementAndGet();
            return answer(reply, "ok");
        };
        start(counting, "socket_name", "udp:127.0.0.1:0", "allowed_sources", "10.0.0.0/8, ::1/128");
        try (MiClient client = client()) {
            client.send("x");
            await().until(() -> server.statistics().sourcesRefused() == 1);
            client.send("y");
            await().until(() -> server.statistics().sourcesRefused() == 2);
            assertThat(client.receive(200)).isNull();
        }
        assertThat(calls).hasValue(0);
        assertThat(server.statistics().requests()).isZero();
        assertThat(server.statistics().replies()).isZero();
    }

    @Test
    void answersSourcesInAllowedSources() throws IOException {
        start(MiTestSupport.REVERSE, "socket_name", "udp:127.0.0.1:0", "allowed_sources", "10.0.0.0/8,127.0.0.1/32");
        try (MiClient client = client()) {
            assertThat(client.call("ok")).isEqualTo("ko");
        }
        assertThat(server.statistics().sourcesRefused()).isZero();
    }

    @Test
    void aThrowingDispatcherDoesNotKillTheReader() throws IOException {
        MiDispatcher fragile = (request, reply, indent) -> {
            if (text(request).equals("boom")) {
                throw new IllegalStateException("dispatcher bug");
            }
            return answer(reply, "fine");
        };
        start(fragile, "socket_name", "udp:127.0.0.1:0");
        try (MiClient client = client()) {
            client.send("boom");
            client.send("boom");
            assertThat(client.call("next")).isEqualTo("fine");
        }
        assertThat(server.statistics().errors()).isEqualTo(2);
        assertThat(readerThreads(server.statistics().socket())).hasSize(1);
    }

    /** Asks the socket's policy whether the request's text, taken as a command name, may run. */
    private static final class PolicyAsking implements MiDispatcher {
        @Override
        public boolean dispatch(java.nio.ByteBuffer request, java.nio.ByteBuffer reply, String indent) {
            return answer(reply, "unrestricted " + text(request));
        }

        @Override
        public boolean dispatch(java.nio.ByteBuffer request, java.nio.ByteBuffer reply, String indent,
                java.util.function.Predicate<String> allowed, String source) {
            String command = text(request);
            return answer(reply, (allowed.test(command) ? "ran " : "403 ") + command);
        }
    }

    @Test
    void aReadOnlySocketHasTheDispatcherRefuseCommandsThatChangeStateAndCountsThem() throws IOException {
        start(new PolicyAsking(), "socket_name", "udp:127.0.0.1:0", "read_only", true);
        try (MiClient client = client()) {
            assertThat(client.call("version")).isEqualTo("ran version");
            assertThat(client.call("event_subscribe")).isEqualTo("403 event_subscribe");
        }
        assertThat(server.statistics().commandsRefused()).isEqualTo(1);
    }

    @Test
    void anUnrestrictedSocketUsesThePlainDispatch() throws IOException {
        start(new PolicyAsking(), "socket_name", "udp:127.0.0.1:0");
        try (MiClient client = client()) {
            assertThat(client.call("event_subscribe")).isEqualTo("unrestricted event_subscribe");
        }
    }

    @Test
    void aDispatcherThatCannotRestrictServesNothingOnARestrictedSocket() throws IOException {
        start(MiTestSupport.REVERSE, "socket_name", "udp:127.0.0.1:0", "allowed_commands", "version");
        try (MiClient client = client()) {
            client.send("version");
            assertThat(client.receive(300)).isNull();
        }
        await().until(() -> server.statistics().errors() == 1);
    }

    @Test
    void aSecondReaderServesWhileTheFirstIsBusy() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MiDispatcher slowForBlock = (request, reply, indent) -> {
            String req = text(request);
            if (req.equals("block")) {
                entered.countDown();
                awaitQuietly(release);
            }
            return answer(reply, "done " + req);
        };
        start(slowForBlock, "socket_name", "udp:127.0.0.1:0", "children_count", 2);
        assertThat(readerThreads(server.statistics().socket())).hasSize(2);
        try (MiClient blocked = client(); MiClient other = client()) {
            blocked.send("block");
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(other.call("quick")).isEqualTo("done quick");
            release.countDown();
            assertThat(new String(blocked.receive(10_000))).isEqualTo("done block");
        }
    }

    @Test
    void passesTheConfiguredIndent() throws IOException {
        MiDispatcher indentEcho = (request, reply, indent) -> answer(reply, "[" + indent + "]");
        start(indentEcho, "socket_name", "udp:127.0.0.1:0");
        try (MiClient client = client()) {
            assertThat(client.call(":ps:\n")).isEqualTo("[\t]");
        }
        server.stop();
        start(indentEcho, "socket_name", "udp:127.0.0.1:0", "reply_indent", "  ");
        try (MiClient client = client()) {
            assertThat(client.call(":ps:\n")).isEqualTo("[  ]");
        }
    }

    @Test
    void stopEndsTheReadersAndFreesThePort() throws IOException {
        start(MiTestSupport.REVERSE, "socket_name", "udp:127.0.0.1:0", "children_count", 3);
        String socket = server.statistics().socket();
        InetSocketAddress bound = (InetSocketAddress) server.localAddress();
        assertThat(readerThreads(socket)).hasSize(3);
        server.stop();
        server = null;
        assertThat(readerThreads(socket)).isEmpty();
        try (DatagramSocket again = new DatagramSocket(bound)) {
            assertThat(again.getLocalPort()).isEqualTo(bound.getPort());
        }
    }

    @Test
    void stopInterruptsAReaderStuckInTheDispatcher() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        MiDispatcher stuck = (request, reply, indent) -> {
            entered.countDown();
            awaitQuietly(new CountDownLatch(1));
            return false;
        };
        start(stuck, "socket_name", "udp:127.0.0.1:0", "socket_timeout", 1);
        String socket = server.statistics().socket();
        try (MiClient client = client()) {
            client.send("hang");
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        }
        server.stop();
        server = null;
        assertThat(readerThreads(socket)).isEmpty();
    }

    @Test
    void refusesABadConfigurationClearly() {
        assertThatThrownBy(() -> start(MiTestSupport.REVERSE, "socket_name", "udp:127.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
        assertThatThrownBy(() -> start(MiTestSupport.REVERSE, "socket_name", "udp:127.0.0.1:0", "children_count", 0))
                .hasMessageContaining("children_count");
        assertThatThrownBy(() -> start(MiTestSupport.REVERSE, "socket_name", "udp:no-such-host.invalid:0"))
                .isInstanceOf(IOException.class);
        server = null;
    }

    @Test
    void refusesAPortInUse() throws IOException {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            assertThatThrownBy(() -> start(MiTestSupport.REVERSE,
                    "socket_name", "udp:127.0.0.1:" + taken.getLocalPort())).isInstanceOf(IOException.class);
        }
        server = null;
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean ipv6Loopback() {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress("::1", 0))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
