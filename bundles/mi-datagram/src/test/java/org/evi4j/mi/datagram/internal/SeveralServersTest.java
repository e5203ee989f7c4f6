package org.evi4j.mi.datagram.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.evi4j.mi.datagram.internal.MiTestSupport.answer;
import static org.evi4j.mi.datagram.internal.MiTestSupport.config;
import static org.evi4j.mi.datagram.internal.MiTestSupport.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.evi4j.mi.MiDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Several configurations at once: UDP and UNIX sockets side by side, each with its own counters and threads. */
@Timeout(60)
class SeveralServersTest {
    private final List<MiDatagramServer> servers = new ArrayList<>();
    private Path dir;

    @BeforeEach
    void setUp() throws IOException {
        dir = MiTestSupport.shortTempDir();
    }

    @AfterEach
    void tearDown() throws IOException {
        servers.forEach(MiDatagramServer::stop);
        MiTestSupport.deleteTree(dir);
    }

    private MiDatagramServer start(String name, Object... properties) throws IOException {
        MiDispatcher named = (request, reply, indent) -> answer(reply, name + ":" + text(request));
        MiDatagramServer server = new MiDatagramServer(named, config(properties));
        servers.add(server);
        return server;
    }

    @Test
    void udpAndUnixSocketsServeSideBySide() throws IOException {
        MiDatagramServer udp1 = start("udp1", "socket_name", "udp:127.0.0.1:0");
        MiDatagramServer udp2 = start("udp2", "socket_name", "udp:localhost:0", "children_count", 2);
        MiDatagramServer unix1 = start("unix1", "socket_name", "unix:" + dir.resolve("one.sock"));
        MiDatagramServer unix2 = start("unix2", "socket_name", dir.resolve("two.sock").toString());

        try (MiClient a = new UdpClient(udp1.localAddress()); MiClient b = new UdpClient(udp2.localAddress());
                MiClient c = new UnixClient(dir.resolve("one.sock"), dir.resolve("c"));
                MiClient d = new UnixClient(dir.resolve("two.sock"), dir.resolve("d"))) {
            assertThat(a.call("x")).isEqualTo("udp1:x");
            assertThat(b.call("y")).isEqualTo("udp2:y");
            assertThat(c.call("z")).isEqualTo("unix1:z");
            assertThat(d.call("w")).isEqualTo("unix2:w");
        }
        for (MiDatagramServer server : List.of(udp1, udp2, unix1, unix2)) {
            assertThat(server.statistics().requests()).as(server.statistics().socket()).isEqualTo(1);
        }
        assertThat(MiTestSupport.readerThreads(udp2.statistics().socket())).hasSize(2);
        assertThat(MiTestSupport.readerThreads(unix1.statistics().socket())).hasSize(1);
    }

    @Test
    void aSecondServerCannotTakeALiveUnixSocket() throws IOException {
        Path socket = dir.resolve("mi.sock");
        start("first", "socket_name", socket.toString());
        assertThatThrownBy(() -> start("second", "socket_name", socket.toString()))
                .isInstanceOf(IOException.class).hasMessageContaining("in use");
        try (MiClient client = new UnixClient(socket, dir.resolve("c"))) {
            assertThat(client.call("still")).isEqualTo("first:still");
        }
    }

    @Test
    void reconfiguringRebindsTheSameUnixPath() throws IOException {
        Path socket = dir.resolve("mi.sock");
        MiDatagramServer before = start("before", "socket_name", socket.toString(), "unix_socket_mode", "0600");
        // what DS does on a configuration change without @Modified: deactivate, then activate with the new one
        before.stop();
        servers.remove(before);
        assertThat(Files.exists(socket)).isFalse();
        start("after", "socket_name", socket.toString(), "unix_socket_mode", "0666");
        try (MiClient client = new UnixClient(socket, dir.resolve("c"))) {
            assertThat(client.call("q")).isEqualTo("after:q");
        }
    }
}
