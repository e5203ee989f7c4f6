package org.evi4j.mi.datagram.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.evi4j.mi.datagram.internal.MiTestSupport.answer;
import static org.evi4j.mi.datagram.internal.MiTestSupport.config;
import static org.evi4j.mi.datagram.internal.MiTestSupport.readerThreads;
import static org.evi4j.mi.datagram.internal.MiTestSupport.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.evi4j.mi.MiDispatcher;
import org.evi4j.testkit.EmptyDatagrams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

@Timeout(60)
class UnixServerTest {
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

    private MiDatagramServer start(MiDispatcher dispatcher, Object... properties) throws IOException {
        server = new MiDatagramServer(dispatcher, config(properties));
        return server;
    }

    private MiClient client(String name) throws IOException {
        return new UnixClient(socket, dir.resolve(name));
    }

    @Test
    void roundTripWithUnixPrefixAndRepliesToTheSender() throws IOException {
        start(MiTestSupport.REVERSE, "socket_name", "unix:" + socket);
        assertThat(server.statistics().socket()).isEqualTo("unix:" + socket);
        try (MiClient a = client("a"); MiClient b = client("b")) {
            a.send("abc");
            b.send("xyz");
            assertThat(a.receive(10_000)).isEqualTo("cba".getBytes());
            assertThat(b.receive(10_000)).isEqualTo("zyx".getBytes());
        }
        assertThat(server.statistics().requests()).isEqualTo(2);
        await().until(() -> server.statistics().replies() == 2);
    }

    @Test
    void acceptsABarePathAndRepliesToAConnectedClient() throws IOException {
        start(MiTestSupport.REVERSE, "socket_name", socket.toString());
        try (AFUNIXDatagramChannel connected = AFUNIXDatagramChannel.open()) {
            connected.bind(AFUNIXSocketAddress.of(dir.resolve("c")));
            connected.connect(AFUNIXSocketAddress.of(socket));
            connected.socket().setSoTimeout(10_000);
            connected.write(java.nio.ByteBuffer.wrap("ping".getBytes()));
            java.nio.ByteBuffer reply = java.nio.ByteBuffer.allocate(100);
            connected.read(reply);
            assertThat(text(reply.flip())).isEqualTo("gnip");
        }
    }

    @Test
    void anEmptyDatagramIsServedAndAnsweredAsOverUdp() throws IOException {
        MiDispatcher lengths = (request, reply, indent) -> answer(reply, "length " + request.remaining());
        start(lengths, "socket_name", socket.toString());
        try (AFUNIXDatagramChannel connected = AFUNIXDatagramChannel.open()) {
            connected.bind(AFUNIXSocketAddress.of(dir.resolve("c")));
            connected.connect(AFUNIXSocketAddress.of(socket));
            connected.socket().setSoTimeout(10_000);
            EmptyDatagrams.send(connected.getFileDescriptor(), AFUNIXDatagramChannel.class.getClassLoader());
            java.nio.ByteBuffer reply = java.nio.ByteBuffer.allocate(100);
            connected.read(reply);
            assertThat(text(reply.flip())).isEqualTo("length 0");
            connected.write(java.nio.ByteBuffer.wrap("next".getBytes()));
            connected.read(reply.clear());
            assertThat(text(reply.flip())).as("the socket goes on serving").isEqualTo("length 4");
        }
        assertThat(server.statistics().requests()).isEqualTo(2);
    }

    @Test
    void cutsOversizedRequestsTo65457Bytes() throws IOException {
        AtomicReference<byte[]> seen = new AtomicReference<>();
        MiDispatcher recording = (request, reply, indent) -> {
            byte[] copy = new byte[request.remaining()];
            request.get(copy);
            seen.set(copy);
            return answer(reply, Integer.toString(copy.length));
        };
        start(recording, "socket_name", socket.toString());
        byte[] big = new byte[65500];
        Arrays.fill(big, (byte) 'u');
        big[65456] = 'L';
        try (MiClient client = client("c")) {
            assertThat(client.call(new String(big))).isEqualTo("65457");
        }
        assertThat(seen.get()).hasSize(65457).endsWith((byte) 'L');
        assertThat(server.statistics().truncated()).isEqualTo(1);
    }

    @Test
    void runsButCannotAnswerAnUnboundClient() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        MiDispatcher counting = (request, reply, indent) -> {
            calls.incrementAndGet();
            return answer(reply, "ok");
        };
        start(counting, "socket_name", socket.toString());
        try (UnixClient unbound = new UnixClient(socket, null)) {
            unbound.send(":raise_event:\nE_X\n");
            await().until(() -> server.statistics().repliesDropped() == 1);
        }
        assertThat(calls).hasValue(1);
        assertThat(server.statistics().requests()).isEqualTo(1);
        try (MiClient bound = client("c")) {
            assertThat(bound.call("next")).isEqualTo("ok");
        }
    }

    @Test
    void countsAReplyToAClientThatLeftAndGoesOn() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MiDispatcher waitForLeave = (request, reply, indent) -> {
            if (text(request).equals("leaving")) {
                entered.countDown();
                UdpServerTest.awaitQuietly(release);
            }
            return answer(reply, "bye");
        };
        start(waitForLeave, "socket_name", socket.toString());
        try (UnixClient leaving = new UnixClient(socket, dir.resolve("gone"))) {
            leaving.send("leaving");
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        }
        Files.delete(dir.resolve("gone"));
        release.countDown();
        await().until(() -> server.statistics().repliesDropped() == 1);
        try (MiClient client = client("c")) {
            assertThat(client.call("next")).isEqualTo("bye");
        }
        assertThat(server.statistics().errors()).isZero();
    }

    @Test
    void aThrowingDispatcherDoesNotKillTheReader() throws IOException {
        MiDispatcher fragile = (request, reply, indent) -> {
            if (text(request).equals("boom")) {
                throw new IllegalStateException("dispatcher bug");
            }
            return answer(reply, "fine");
        };
        start(fragile, "socket_name", socket.toString());
        try (MiClient client = client("c")) {
            client.send("boom");
            assertThat(client.call("next")).isEqualTo("fine");
        }
        assertThat(server.statistics().errors()).isEqualTo(1);
    }

    @Test
    void replacesAStaleSocketFile() throws IOException {
        try (AFUNIXDatagramChannel old = AFUNIXDatagramChannel.open()) {
            old.setDeleteOnClose(false);
            old.bind(AFUNIXSocketAddress.of(socket));
        }
        assertThat(socket).exists();
        start(MiTestSupport.REVERSE, "socket_name", socket.toString());
        try (MiClient client = client("c")) {
            assertThat(client.call("fresh")).isEqualTo("hserf");
        }
    }

    @Test
    void refusesASocketSomeoneStillListensOn() throws IOException {
        try (AFUNIXDatagramChannel live = AFUNIXDatagramChannel.open()) {
            live.bind(AFUNIXSocketAddress.of(socket));
            assertThatThrownBy(() -> start(MiTestSupport.REVERSE, "socket_name", socket.toString()))
                    .isInstanceOf(IOException.class).hasMessageContaining("in use");
            server = null;
            assertThat(socket).exists();
        }
    }

    @Test
    void refusesARegularFileAndLeavesIt() throws IOException {
        Files.writeString(socket, "precious");
        assertThatThrownBy(() -> start(MiTestSupport.REVERSE, "socket_name", socket.toString()))
                .isInstanceOf(IOException.class).hasMessageContaining("not a socket");
        server = null;
        assertThat(socket).hasContent("precious");
    }

    @Test
    void refusesASymbolicLink() throws IOException {
        Path target = dir.resolve("target");
        Files.writeString(target, "precious");
        Files.createSymbolicLink(socket, target);
        assertThatThrownBy(() -> start(MiTestSupport.REVERSE, "socket_name", socket.toString()))
                .isInstanceOf(IOException.class).hasMessageContaining("symbolic link");
        server = null;
        assertThat(Files.isSymbolicLink(socket)).isTrue();
        assertThat(target).hasContent("precious");
    }

    @Test
    void removesTheFileOnStopAndEndsTheReaders() throws IOException {
        start(MiTestSupport.REVERSE, "socket_name", socket.toString(), "children_count", 2);
        String name = server.statistics().socket();
        assertThat(readerThreads(name)).hasSize(2);
        server.stop();
        server = null;
        assertThat(Files.exists(socket, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(readerThreads(name)).isEmpty();
    }

    @Test
    void leavesAFileThatReplacedItsSocket() throws IOException {
        start(MiTestSupport.REVERSE, "socket_name", socket.toString());
        Files.delete(socket);
        Files.writeString(socket, "someone else's");
        server.stop();
        server = null;
        assertThat(socket).hasContent("someone else's");
    }

    @Test
    void appliesTheSocketMode() throws IOException {
        start(MiTestSupport.REVERSE, "socket_name", socket.toString(), "unix_socket_mode", "0640");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-r-----");
        server.stop();
        start(MiTestSupport.REVERSE, "socket_name", socket.toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-rw----");
        server.stop();
        start(MiTestSupport.REVERSE, "socket_name", socket.toString(), "unix_socket_mode", "0");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
    }

    @Test
    void appliesNumericUserAndGroup() throws IOException {
        Path probe = Files.createFile(dir.resolve("probe"));
        int uid = (Integer) Files.getAttribute(probe, "unix:uid");
        int gid = (Integer) Files.getAttribute(probe, "unix:gid");
        // root may give the file away; anyone may name themselves
        String user = uid == 0 ? "65534" : Integer.toString(uid);
        start(MiTestSupport.REVERSE, "socket_name", socket.toString(),
                "unix_socket_user", user, "unix_socket_group", Integer.toString(gid));
        assertThat(Files.getAttribute(socket, "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(Integer.parseInt(user));
        assertThat(Files.getAttribute(socket, "unix:gid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(gid);
    }

    @Test
    void failsClearlyOnAnUnknownUserAndCleansUp() {
        assertThatThrownBy(() -> start(MiTestSupport.REVERSE, "socket_name", socket.toString(),
                "unix_socket_user", "no-such-user-evi4j"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("unix_socket_user 'no-such-user-evi4j'").hasMessageContaining("no such user");
        assertThatThrownBy(() -> start(MiTestSupport.REVERSE, "socket_name", socket.toString(),
                "unix_socket_group", "no-such-group-evi4j"))
                .isInstanceOf(IOException.class).hasMessageContaining("unix_socket_group 'no-such-group-evi4j'");
        server = null;
        assertThat(Files.exists(socket, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(readerThreads("unix:" + socket)).isEmpty();
    }

    @Test
    void refusesAPathTooLongForAfUnix() {
        String longPath = "/tmp/" + "x".repeat(103);
        assertThatThrownBy(() -> start(MiTestSupport.REVERSE, "socket_name", longPath))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("107 bytes");
        server = null;
    }
}
