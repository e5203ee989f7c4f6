package org.evi4j.support.datagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.evi4j.api.EventInterface;
import org.evi4j.spi.Destination;
import org.evi4j.spi.SendResult;
import org.junit.jupiter.api.Test;

class DatagramTransportTest {

    private static final class Dest implements Destination {
        final ChannelSlot<FakeChannel> slot = new ChannelSlot<>();

        @Override
        public String address() {
            return "fake";
        }
    }

    /** Consumes the payload into its channel, or fails when told to. */
    private static final class Fake extends DatagramTransport<Dest, FakeChannel> {
        int sends;
        boolean explode;

        Fake() {
            super(Dest.class, "FAKE", d -> d.slot, d -> new FakeChannel());
        }

        @Override
        public Destination parse(String address) {
            return new Dest();
        }

        @Override
        protected SendResult sendDatagram(Dest destination, ByteBuffer payload, int size) {
            sends++;
            try {
                channels.channelFor(destination);
            } catch (IOException e) {
                return SendResult.failed(e.toString());
            }
            payload.position(payload.limit());
            if (explode) {
                throw new IllegalStateException("boom");
            }
            return SendResult.SENT;
        }
    }

    private final Fake transport = new Fake();

    @Test
    void sendsAndGivesThePayloadBackUnmoved() {
        ByteBuffer payload = ByteBuffer.wrap(new byte[] {1, 2, 3, 4});
        payload.position(1);
        assertThat(transport.send(new Dest(), payload)).isSameAs(SendResult.SENT);
        assertThat(payload.position()).isEqualTo(1);
        transport.explode = true;
        assertThatThrownBy(() -> transport.send(new Dest(), payload)).hasMessage("boom");
        assertThat(payload.position()).isEqualTo(1);
    }

    @Test
    void refusesWhatCannotBeOneDatagramOrIsNotItsDestination() {
        Destination other = () -> "other";
        assertThat(transport.send(new Dest(), ByteBuffer.allocate(EventInterface.MAX_DATAGRAM + 1)).reason())
                .contains("larger than " + EventInterface.MAX_DATAGRAM);
        assertThat(transport.send(new Dest(), ByteBuffer.allocate(0)).reason()).isEqualTo("empty datagram");
        assertThat(transport.send(other, ByteBuffer.allocate(1)).reason())
                .isEqualTo("not a destination of the FAKE transport");
        assertThat(transport.sends).isZero();
    }

    @Test
    void releaseClosesTheDestinationsChannel() {
        Dest dest = new Dest();
        transport.send(dest, ByteBuffer.allocate(1));
        FakeChannel channel = dest.slot.get();
        transport.release(dest);
        transport.release(() -> "other");
        assertThat(channel.isOpen()).isFalse();
        assertThat(dest.slot.get()).isNull();
        assertThat(transport.channels.openCount()).isZero();
    }
}
