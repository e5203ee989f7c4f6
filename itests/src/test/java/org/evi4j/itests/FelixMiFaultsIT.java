package org.evi4j.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Issue 7, faults on the MI side: a configuration changed or deleted while clients hammer the socket rebinds or
 * closes it cleanly; a slow UNIX client gets every reply when it drains within {@code socket_timeout}, and replies
 * it never reads are dropped and counted without stopping the server. Each test closes the servers it made.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FelixMiFaultsIT extends InFullRuntime {

    private static final int IN_FLIGHT = 16;
    private static final int SILENCE_MILLIS = 300;

    @Test
    public void configurationChangedThenDeletedUnderLoadRebindsThenClosesCleanly() throws IOException {
        MiServer witness = MiServer.start(configurationAdmin, MiServer.freeUdpSocketName());
        MiServer server = MiServer.start(configurationAdmin, MiServer.freeUdpSocketName());
        try (DatagramPeer client = DatagramPeer.udp()) {
            witness.awaitAnswer(client);
            server.awaitAnswer(client);
            String first = server.socketName();
            try (MiHammer a = MiHammer.start(server::socketName, 200_000, 100, "a");
                    MiHammer b = MiHammer.start(server::socketName, 200_000, 100, "b");
                    MiHammer w = MiHammer.start(witness::socketName, 1_000_000, 5000, "witness")) {
                Await.until("both clients get answers", () -> a.answered() > 50 && b.answered() > 50);

                server.moveTo(MiServer.freeUdpSocketName());
                String second = server.socketName();
                server.awaitAnswer(client);
                Await.until("the old port " + first + " is released", () -> canBind(first));
                assertSilent(client, first);
                long before = a.answered() + b.answered();
                Await.until("the clients get answers from " + second, () -> a.answered() + b.answered() > before + 50);

                server.close();
                Await.until("the port " + second + " is released", () -> canBind(second));
                assertSilent(client, second);
                Await.until("no reader thread of " + first + " or " + second + " left",
                        () -> MiServer.readerThreads(first).isEmpty() && MiServer.readerThreads(second).isEmpty());

                assertThat(a.unexpected()).as("client a: unexpected reply or failure").isNull();
                assertThat(b.unexpected()).as("client b: unexpected reply or failure").isNull();
                assertThat(w.answered()).as("witness answers").isPositive();
                assertThat(w.unanswered()).as("witness requests without an answer").isZero();
                assertThat(w.unexpected()).as("witness: unexpected reply or failure").isNull();
                assertThat(MiServer.readerThreads(witness.socketName())).as("the witness's reader").hasSize(1);
            }
            assertAnswers(client, witness.socketName());
        } finally {
            witness.close();
        }
    }

    @Test
    public void slowUnixClientGetsAllSixteenRepliesWhenItDrainsWithinTheTimeout() throws Exception {
        String socket = "unix:" + temp.path("mi.sock");
        MiServer server = MiServer.start(configurationAdmin, socket, Map.of("socket_timeout", 10_000));
        // the slow client has no timeout while it sends: junixsocket's receive timeout is its send timeout too
        try (DatagramPeer slow = DatagramPeer.unix(temp.path("slow"));
                DatagramPeer other = DatagramPeer.unix(temp.path("other"))) {
            server.awaitAnswer(other);
            MiSocketBean bean = new MiSocketBean(socket);
            long requests = bean.get("Requests");
            long replies = bean.get("Replies");
            for (int i = 0; i < IN_FLIGHT; i++) {
                slow.sendTo(socket, MiServer.VERSION_REQUEST);
            }
            // max_dgram_qlen (10 here) replies fill the client's queue: the next one waits in the server
            Await.until("the server waits for room in the slow client's queue", () -> {
                long asked = bean.get("Requests") - requests;
                long answered = bean.get("Replies") - replies;
                return answered > 0 && asked == answered + 1 && asked < IN_FLIGHT;
            });
            for (int i = 0; i < IN_FLIGHT; i++) {
                byte[] reply = slow.receive(5_000);
                assertThat(reply).as("reply %d of %d", i + 1, IN_FLIGHT).isNotNull();
                assertThat(new String(reply, StandardCharsets.UTF_8)).matches(MiServer.VERSION_REPLY);
            }
            assertThat(slow.receive(SILENCE_MILLIS)).as("a reply too many").isNull();
            assertThat(bean.get("Replies") - replies).isEqualTo(IN_FLIGHT);
            assertThat(bean.get("RepliesDropped")).as("replies dropped").isZero();
        } finally {
            server.close();
        }
    }

    @Test
    public void repliesAClientNeverReadsAreDroppedAndCountedAndOthersStillGetAnswers() throws Exception {
        String socket = "unix:" + temp.path("mi2.sock");
        MiServer server = MiServer.start(configurationAdmin, socket, Map.of("socket_timeout", 20));
        try (DatagramPeer deaf = DatagramPeer.unix(temp.path("deaf"));
                DatagramPeer other = DatagramPeer.unix(temp.path("other"))) {
            server.awaitAnswer(other);
            MiSocketBean bean = new MiSocketBean(socket);
            long replies = bean.get("Replies");
            long dropped = bean.get("RepliesDropped");
            for (int i = 0; i < IN_FLIGHT; i++) {
                deaf.sendTo(socket, MiServer.VERSION_REQUEST);
            }
            Await.until("every reply to the deaf client sent or dropped", () -> bean.get("Replies") - replies
                    + bean.get("RepliesDropped") - dropped == IN_FLIGHT);
            assertThat(bean.get("RepliesDropped") - dropped).as("replies dropped").isPositive();

            assertAnswers(other, socket);
        } finally {
            server.close();
        }
    }

    private static void assertAnswers(DatagramPeer client, String socket) throws IOException {
        assertThat(Mi.call(client, socket, new String(MiServer.VERSION_REQUEST, StandardCharsets.UTF_8)))
                .matches(MiServer.VERSION_REPLY);
    }

    private static void assertSilent(DatagramPeer client, String socket) throws IOException {
        client.sendTo(socket, MiServer.VERSION_REQUEST);
        assertThat(client.receive(SILENCE_MILLIS)).as("an answer from the closed %s", socket).isNull();
    }

    private static boolean canBind(String udpSocketName) {
        InetSocketAddress address = UdpPeer.address(udpSocketName);
        try (DatagramSocket socket = new DatagramSocket(address)) {
            return true;
        } catch (SocketException e) {
            return false;
        }
    }
}
