package org.evi4j.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Issue 4: several MI sockets at once, one per factory configuration of {@code org.evi4j.mi.datagram}; deleting
 * a configuration closes only its socket (and removes its UNIX file).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FelixMiSocketsIT extends InFullRuntime {

    private static final int REPLY_MILLIS = 5_000;

    private DatagramPeer udpClient;
    private DatagramPeer unixClient;

    @Before
    public void setUp() throws IOException {
        udpClient = DatagramPeer.udp();
        unixClient = DatagramPeer.unix(temp.path("cli.sock"));
    }

    @After
    public void tearDown() throws IOException {
        if (udpClient != null) {
            udpClient.close();
        }
        if (unixClient != null) {
            unixClient.close();
        }
    }

    @Test
    public void twoSocketsAnswerAndDeletingOneConfigurationClosesOnlyItsSocket() throws IOException {
        Path unixPath = temp.path("mi.sock");
        MiServer udpServer = MiServer.start(configurationAdmin, MiServer.freeUdpSocketName());
        MiServer unixServer = MiServer.start(configurationAdmin, "unix:" + unixPath);
        udpServer.awaitAnswer(udpClient);
        unixServer.awaitAnswer(unixClient);

        assertAnswersVersion(udpClient, udpServer);
        assertAnswersVersion(unixClient, unixServer);

        unixServer.close();
        Await.until("the UNIX MI socket file is removed", () -> !Files.exists(unixPath));
        assertThatThrownBy(() -> unixClient.sendTo(unixServer.socketName(), MiServer.VERSION_REQUEST))
                .as("sending to the removed socket").isInstanceOf(IOException.class);
        assertAnswersVersion(udpClient, udpServer);

        udpServer.close();
        InetSocketAddress udpAddress = UdpPeer.address(udpServer.socketName());
        Await.until("the UDP MI port is released", () -> canBind(udpAddress));
    }

    @Test
    public void changingTheSocketNameRebinds() throws IOException {
        MiServer server = MiServer.start(configurationAdmin, MiServer.freeUdpSocketName());
        try {
            server.awaitAnswer(udpClient);
            InetSocketAddress before = UdpPeer.address(server.socketName());

            server.moveTo(MiServer.freeUdpSocketName());

            server.awaitAnswer(udpClient);
            assertAnswersVersion(udpClient, server);
            Await.until("the old UDP MI port is released", () -> canBind(before));
        } finally {
            server.close();
        }
    }

    private static void assertAnswersVersion(DatagramPeer client, MiServer server) throws IOException {
        client.sendTo(server.socketName(), MiServer.VERSION_REQUEST);
        byte[] reply = client.receive(REPLY_MILLIS);
        assertThat(reply).as("reply from %s", server.socketName()).isNotNull();
        assertThat(new String(reply, StandardCharsets.UTF_8)).matches(MiServer.VERSION_REPLY);
    }

    private static boolean canBind(InetSocketAddress address) {
        try (DatagramSocket socket = new DatagramSocket(address)) {
            return true;
        } catch (SocketException e) {
            return false;
        }
    }
}
