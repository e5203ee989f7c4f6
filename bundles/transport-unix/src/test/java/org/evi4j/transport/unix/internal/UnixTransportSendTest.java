package org.evi4j.transport.unix.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.evi4j.api.EventInterface;
import org.evi4j.spi.Destination;
import org.evi4j.spi.SendResult;
import org.evi4j.spi.SendResult.Status;
import org.evi4j.testkit.Vectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class UnixTransportSendTest {

    @TempDir
    Path dir;

    private final UnixTransport transport = new UnixTransport();

    @AfterEach
    void stop() {
        transport.deactivate();
    }

    private static ByteBuffer text(String s) {
        return ByteBuffer.wrap(s.getBytes(UTF_8));
    }

    @Test
    void receiverGetsExactlyTheVectorBytes() throws IOException {
        try (UnixDatagramPeer peer = new UnixDatagramPeer(dir.resolve("ev.sock"))) {
            Destination destination = transport.parse(peer.path().toString());
            List<Vectors.EventCase> cases = Vectors.eventCases("events-jsonrpc.json");
            assertThat(cases).isNotEmpty();
            for (Vectors.EventCase c : cases) {
                assertThat(transport.send(destination, ByteBuffer.wrap(c.expected()))).isSameAs(SendResult.SENT);
                assertThat(peer.receive()).as(c.id()).isEqualTo(c.expected());
            }
        }
    }

    @Test
    void sendsOnlyPositionToLimitAndLeavesThemAsTheyWere() throws IOException {
        try (UnixDatagramPeer peer = new UnixDatagramPeer(dir.resolve("ev.sock"))) {
            Destination destination = transport.parse(peer.path().toString());
            ByteBuffer payload = text("xx{\"hello\":1}yy");
            payload.position(2).limit(13);

            assertThat(transport.send(destination, payload)).isSameAs(SendResult.SENT);
            assertThat(transport.send(destination, payload)).isSameAs(SendResult.SENT);

            assertThat(payload.position()).isEqualTo(2);
            assertThat(payload.limit()).isEqualTo(13);
            assertThat(new String(peer.receive(), UTF_8)).isEqualTo("{\"hello\":1}");
            assertThat(new String(peer.receive(), UTF_8)).isEqualTo("{\"hello\":1}");
        }
    }

    @Test
    void largestDatagramGoesOutWholeAndOneByteMoreIsDropped() throws IOException {
        try (UnixDatagramPeer peer = new UnixDatagramPeer(dir.resolve("ev.sock"))) {
            Destination destination = transport.parse(peer.path().toString());
            byte[] largest = new byte[EventInterface.MAX_DATAGRAM];
            Arrays.fill(largest, (byte) 'L');
            ByteBuffer tooLarge = ByteBuffer.wrap(new byte[EventInterface.MAX_DATAGRAM + 1]);

            SendResult dropped = transport.send(destination, tooLarge);
            assertThat(transport.send(destination, ByteBuffer.wrap(largest))).isSameAs(SendResult.SENT);

            assertThat(dropped.status()).isEqualTo(Status.DROPPED);
            assertThat(dropped.reason()).contains("65457");
            assertThat(tooLarge.position()).isZero();
            assertThat(peer.receive()).isEqualTo(largest);
        }
    }

    @Test
    void missingPathFails() {
        SendResult result = transport.send(transport.parse(dir.resolve("nobody.sock").toString()), text("{}"));

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.reason()).contains("no such socket").contains("nobody.sock");
    }

    @Test
    void deletedPathFails() throws IOException {
        UnixDatagramPeer peer = new UnixDatagramPeer(dir.resolve("ev.sock"));
        Destination destination = transport.parse(peer.path().toString());
        assertThat(transport.send(destination, text("before"))).isSameAs(SendResult.SENT);

        peer.close(true);
        SendResult result = transport.send(destination, text("after"));

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.reason()).contains("ev.sock");
        assertThat(transport.send(destination, text("again")).status()).isEqualTo(Status.FAILED);
    }

    @Test
    void staleSocketFileFailsAsRefused() throws IOException {
        new UnixDatagramPeer(dir.resolve("stale.sock")).close(false);
        assertThat(Files.exists(dir.resolve("stale.sock"))).isTrue();

        SendResult result = transport.send(transport.parse(dir.resolve("stale.sock").toString()), text("{}"));

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.reason()).contains("refused");
    }

    @Test
    void aDeadReceiverDoesNotDisturbTheOthers() throws IOException {
        new UnixDatagramPeer(dir.resolve("stale.sock")).close(false);
        Destination dead = transport.parse(dir.resolve("stale.sock").toString());
        try (UnixDatagramPeer peer = new UnixDatagramPeer(dir.resolve("ev.sock"))) {
            Destination alive = transport.parse(peer.path().toString());
            for (int i = 0; i < 3; i++) {
                assertThat(transport.send(dead, text("x")).status()).isEqualTo(Status.FAILED);
                assertThat(transport.send(alive, text("ok" + i))).isSameAs(SendResult.SENT);
                assertThat(peer.receive()).isEqualTo(("ok" + i).getBytes(UTF_8));
            }
        }
    }

    @Test
    void aRestartedReceiverGetsTheNextEventWithoutALoss() throws IOException {
        Path path = dir.resolve("ev.sock");
        Destination destination = transport.parse(path.toString());
        try (UnixDatagramPeer first = new UnixDatagramPeer(path)) {
            assertThat(transport.send(destination, text("one"))).isSameAs(SendResult.SENT);
            assertThat(first.receive()).isEqualTo("one".getBytes(UTF_8));
        }
        try (UnixDatagramPeer second = new UnixDatagramPeer(path)) {
            assertThat(transport.send(destination, text("two"))).isSameAs(SendResult.SENT);
            assertThat(second.receive()).isEqualTo("two".getBytes(UTF_8));
        }
    }

    @Test
    @Timeout(30)
    void fullReceiverQueueDropsWithoutBlockingOrThrowing() throws IOException {
        try (UnixDatagramPeer peer = new UnixDatagramPeer(dir.resolve("full.sock"))) {
            Destination destination = transport.parse(peer.path().toString());
            SendResult result = SendResult.SENT;
            int sent = 0;
            for (int i = 0; i < 100_000 && result == SendResult.SENT; i++) {
                result = transport.send(destination, text("n" + i));
                sent = result == SendResult.SENT ? sent + 1 : sent;
            }

            assertThat(result.status()).isEqualTo(Status.DROPPED);
            assertThat(result.reason()).contains("full");
            assertThat(sent).isPositive();
            assertThat(peer.receive()).isEqualTo("n0".getBytes(UTF_8));
            assertThat(transport.send(destination, text("later"))).isSameAs(SendResult.SENT);
        }
    }

    @Test
    void interruptedProducerStillSendsAndKeepsItsInterruptStatus() throws IOException {
        try (UnixDatagramPeer peer = new UnixDatagramPeer(dir.resolve("ev.sock"))) {
            Destination destination = transport.parse(peer.path().toString());
            assertThat(transport.send(destination, text("one"))).isSameAs(SendResult.SENT);
            SendResult result;
            boolean stillInterrupted;
            Thread.currentThread().interrupt();
            try {
                result = transport.send(destination, text("two"));
            } finally {
                stillInterrupted = Thread.interrupted();
            }

            assertThat(result).isSameAs(SendResult.SENT);
            assertThat(stillInterrupted).isTrue();
            assertThat(peer.receive()).isEqualTo("one".getBytes(UTF_8));
            assertThat(peer.receive()).isEqualTo("two".getBytes(UTF_8));
        }
    }

    @Test
    void aChannelClosedUnderneathIsReplacedWithinTheSameSend() throws IOException {
        try (UnixDatagramPeer peer = new UnixDatagramPeer(dir.resolve("ev.sock"))) {
            UnixDestination destination = (UnixDestination) transport.parse(peer.path().toString());
            assertThat(transport.send(destination, text("one"))).isSameAs(SendResult.SENT);
            var first = destination.channel();
            first.close();

            assertThat(transport.send(destination, text("two"))).isSameAs(SendResult.SENT);

            assertThat(destination.channel()).isNotSameAs(first);
            assertThat(peer.receive()).isEqualTo("one".getBytes(UTF_8));
            assertThat(peer.receive()).isEqualTo("two".getBytes(UTF_8));
        }
    }

    @Test
    void releaseClosesTheChannelAndALaterSendOpensAnother() throws IOException {
        try (UnixDatagramPeer peer = new UnixDatagramPeer(dir.resolve("ev.sock"))) {
            Destination destination = transport.parse(peer.path().toString());
            transport.send(destination, text("x"));
            assertThat(transport.openChannels()).isEqualTo(1);

            transport.release(destination);
            assertThat(transport.openChannels()).isZero();
            assertThat(((UnixDestination) destination).channel()).isNull();

            assertThat(transport.send(destination, text("y"))).isSameAs(SendResult.SENT);
            assertThat(peer.receive()).isEqualTo("x".getBytes(UTF_8));
            assertThat(peer.receive()).isEqualTo("y".getBytes(UTF_8));
        }
    }

    @Test
    void afterDeactivationSendsFailAndNoChannelStaysOpen() throws IOException {
        try (UnixDatagramPeer peer = new UnixDatagramPeer(dir.resolve("ev.sock"))) {
            Destination destination = transport.parse(peer.path().toString());
            transport.send(destination, text("x"));
            var channel = ((UnixDestination) destination).channel();

            transport.deactivate();

            assertThat(channel.isOpen()).isFalse();
            SendResult result = transport.send(destination, text("y"));
            assertThat(result.status()).isEqualTo(Status.FAILED);
            assertThat(result.reason()).contains("closed");
            assertThat(transport.openChannels()).isZero();
        }
    }

    @Test
    void foreignDestinationAndEmptyPayloadFail() {
        Destination foreign = () -> "127.0.0.1:9";
        assertThat(transport.send(foreign, text("x")).status()).isEqualTo(Status.FAILED);
        assertThat(transport.send(transport.parse("/tmp/x"), ByteBuffer.allocate(0)).status())
                .isEqualTo(Status.FAILED);
    }
}
