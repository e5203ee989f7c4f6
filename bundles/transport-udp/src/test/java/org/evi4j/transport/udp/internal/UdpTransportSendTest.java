package org.evi4j.transport.udp.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class UdpTransportSendTest {

    private final UdpTransport transport = UdpTestConfigs.transport();

    @AfterEach
    void stop() {
        transport.deactivate();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void receiverGetsExactlyTheVectorBytes(String host) throws IOException {
        assumeTrue(loopbackUsable(host), host + " is not usable here");
        try (UdpReceiver receiver = new UdpReceiver(host)) {
            String address = host.indexOf(':') >= 0 ? "[" + host + "]:" + receiver.port() : host + ":" + receiver.port();
            Destination destination = transport.parse(address);
            List<Vectors.EventCase> cases = Vectors.eventCases("events-jsonrpc.json");
            assertThat(cases).isNotEmpty();
            for (Vectors.EventCase c : cases) {
                assertThat(transport.send(destination, ByteBuffer.wrap(c.expected()))).isSameAs(SendResult.SENT);
                assertThat(receiver.receive()).as(c.id()).isEqualTo(c.expected());
            }
        }
    }

    @Test
    void sendsOnlyPositionToLimitAndLeavesThemAsTheyWere() throws IOException {
        try (UdpReceiver receiver = new UdpReceiver("127.0.0.1")) {
            Destination destination = transport.parse("127.0.0.1:" + receiver.port());
            ByteBuffer payload = ByteBuffer.wrap("xx{\"hello\":1}yy".getBytes(UTF_8));
            payload.position(2).limit(13);

            assertThat(transport.send(destination, payload)).isSameAs(SendResult.SENT);
            assertThat(transport.send(destination, payload)).isSameAs(SendResult.SENT);

            assertThat(payload.position()).isEqualTo(2);
            assertThat(payload.limit()).isEqualTo(13);
            assertThat(new String(receiver.receive(), UTF_8)).isEqualTo("{\"hello\":1}");
            assertThat(new String(receiver.receive(), UTF_8)).isEqualTo("{\"hello\":1}");
        }
    }

    @Test
    void largestDatagramGoesOutWholeAndOneByteMoreIsDropped() throws IOException {
        try (UdpReceiver receiver = new UdpReceiver("127.0.0.1")) {
            Destination destination = transport.parse("127.0.0.1:" + receiver.port());
            byte[] tooLarge = new byte[EventInterface.MAX_DATAGRAM + 1];
            byte[] largest = new byte[EventInterface.MAX_DATAGRAM];
            Arrays.fill(largest, (byte) 'L');
            ByteBuffer tooLargeBuffer = ByteBuffer.wrap(tooLarge);

            SendResult dropped = transport.send(destination, tooLargeBuffer);
            assertThat(transport.send(destination, ByteBuffer.wrap(largest))).isSameAs(SendResult.SENT);

            assertThat(dropped.status()).isEqualTo(Status.DROPPED);
            assertThat(dropped.reason()).contains("65457");
            assertThat(tooLargeBuffer.position()).isZero();
            // the first datagram to arrive is the largest one: the oversized one was never sent
            assertThat(receiver.receive()).isEqualTo(largest);
        }
    }

    @Test
    void closedPortIsReportedAsFailedAndTheTransportKeepsWorking() throws IOException {
        int deadPort;
        try (DatagramChannel dead = DatagramChannel.open()) {
            dead.bind(new InetSocketAddress("127.0.0.1", 0));
            deadPort = ((InetSocketAddress) dead.getLocalAddress()).getPort();
        }
        Destination gone = transport.parse("127.0.0.1:" + deadPort);
        ByteBuffer payload = ByteBuffer.wrap("{}".getBytes(UTF_8));

        SendResult[] last = new SendResult[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> (last[0] = transport.send(gone, payload)).status() == Status.FAILED);

        assertThat(last[0].reason()).contains("unreachable").contains("127.0.0.1:" + deadPort);
        try (UdpReceiver receiver = new UdpReceiver("127.0.0.1")) {
            Destination alive = transport.parse("127.0.0.1:" + receiver.port());
            assertThat(transport.send(alive, payload)).isSameAs(SendResult.SENT);
            assertThat(receiver.receive()).isEqualTo("{}".getBytes(UTF_8));
        }
    }

    @Test
    void interruptedProducerStillSendsAndKeepsItsInterruptStatus() throws IOException {
        try (UdpReceiver receiver = new UdpReceiver("127.0.0.1")) {
            Destination destination = transport.parse("127.0.0.1:" + receiver.port());
            SendResult result;
            boolean stillInterrupted;
            Thread.currentThread().interrupt();
            try {
                result = transport.send(destination, ByteBuffer.wrap("one".getBytes(UTF_8)));
            } finally {
                stillInterrupted = Thread.interrupted();
            }

            assertThat(result).isSameAs(SendResult.SENT);
            assertThat(stillInterrupted).isTrue();
            assertThat(receiver.receive()).isEqualTo("one".getBytes(UTF_8));
        }
    }

    @Test
    void aChannelClosedUnderneathIsReopenedByTheNextSend() throws IOException {
        try (UdpReceiver receiver = new UdpReceiver("127.0.0.1")) {
            UdpDestination destination = (UdpDestination) transport.parse("127.0.0.1:" + receiver.port());
            assertThat(transport.send(destination, ByteBuffer.wrap("one".getBytes(UTF_8)))).isSameAs(SendResult.SENT);
            DatagramChannel first = destination.channel();
            first.close();

            assertThat(transport.send(destination, ByteBuffer.wrap("two".getBytes(UTF_8)))).isSameAs(SendResult.SENT);

            assertThat(destination.channel()).isNotSameAs(first);
            assertThat(receiver.receive()).isEqualTo("one".getBytes(UTF_8));
            assertThat(receiver.receive()).isEqualTo("two".getBytes(UTF_8));
        }
    }

    @Test
    void releaseClosesTheChannelAndALaterSendOpensAnother() throws IOException {
        try (UdpReceiver receiver = new UdpReceiver("127.0.0.1")) {
            Destination destination = transport.parse("127.0.0.1:" + receiver.port());
            ByteBuffer payload = ByteBuffer.wrap("x".getBytes(UTF_8));
            transport.send(destination, payload);
            assertThat(transport.openChannels()).isEqualTo(1);

            transport.release(destination);
            assertThat(transport.openChannels()).isZero();
            assertThat(((UdpDestination) destination).channel()).isNull();

            assertThat(transport.send(destination, payload)).isSameAs(SendResult.SENT);
            assertThat(transport.openChannels()).isEqualTo(1);
        }
    }

    @Test
    void afterDeactivationSendsFailAndNoChannelStaysOpen() throws IOException {
        try (UdpReceiver receiver = new UdpReceiver("127.0.0.1")) {
            Destination destination = transport.parse("127.0.0.1:" + receiver.port());
            ByteBuffer payload = ByteBuffer.wrap("x".getBytes(UTF_8));
            transport.send(destination, payload);
            DatagramChannel channel = ((UdpDestination) destination).channel();

            transport.deactivate();

            assertThat(channel.isOpen()).isFalse();
            assertThat(transport.openChannels()).isZero();
            SendResult result = transport.send(destination, payload);
            assertThat(result.status()).isEqualTo(Status.FAILED);
            assertThat(result.reason()).contains("closed");
            assertThat(transport.openChannels()).isZero();
        }
    }

    @Test
    void foreignDestinationAndEmptyPayloadFail() {
        Destination foreign = () -> "/tmp/x.sock";
        assertThat(transport.send(foreign, ByteBuffer.wrap(new byte[1])).status()).isEqualTo(Status.FAILED);
        assertThat(transport.send(transport.parse("127.0.0.1:9"), ByteBuffer.allocate(0)).status())
                .isEqualTo(Status.FAILED);
    }

    @Test
    void bindAddressIsTheSourceOfOutgoingDatagrams() throws IOException {
        UdpTransport bound = new UdpTransport(UdpTestConfigs.config(0, "127.0.0.2"));
        try (UdpReceiver receiver = new UdpReceiver("127.0.0.1")) {
            Destination destination = bound.parse("127.0.0.1:" + receiver.port());
            assertThat(bound.send(destination, ByteBuffer.wrap("x".getBytes(UTF_8)))).isSameAs(SendResult.SENT);
            receiver.receive();
            assertThat(receiver.lastSender()).isEqualTo(InetAddress.getByName("127.0.0.2"));
        } finally {
            bound.deactivate();
        }
    }

    @Test
    void sendBufferSizeIsApplied() throws IOException {
        UdpTransport sized = new UdpTransport(UdpTestConfigs.config(65536, ""));
        try {
            UdpDestination destination = (UdpDestination) sized.parse("127.0.0.1:9");
            sized.send(destination, ByteBuffer.wrap("x".getBytes(UTF_8)));
            int defaultSize;
            try (DatagramChannel plain = DatagramChannel.open()) {
                defaultSize = plain.getOption(StandardSocketOptions.SO_SNDBUF);
            }
            assertThat(destination.channel().getOption(StandardSocketOptions.SO_SNDBUF))
                    .isGreaterThanOrEqualTo(65536).isNotEqualTo(defaultSize);
        } finally {
            sized.deactivate();
        }
    }

    @Test
    void badConfigurationIsRefusedClearly() {
        assertThatThrownBy(() -> new UdpTransport(UdpTestConfigs.config(-1, "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("send_buffer_size");
        assertThatThrownBy(() -> new UdpTransport(UdpTestConfigs.config(0, "no-such-host.invalid")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bind_address");
        assertThatThrownBy(() -> new UdpTransport(UdpTestConfigs.config(0, "192.0.2.1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be bound");
    }

    static boolean loopbackUsable(String host) {
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
