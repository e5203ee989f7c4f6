package org.evi4j.support.datagram;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.util.function.Function;

import org.evi4j.api.EventInterface;
import org.evi4j.spi.Destination;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.SendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a datagram transport does whatever its socket family: refuses a payload that cannot be one datagram or a
 * destination of another transport, gives the payload back with its position unchanged, keeps one connected
 * channel per destination and closes it when the core releases the destination. A subclass sends and maps its
 * failures to a {@link SendResult}, and closes {@link #channels} when its component is deactivated.
 *
 * @param <D> the transport's destination type
 * @param <C> the kind of channel
 */
public abstract class DatagramTransport<D extends Destination, C extends Channel> implements EventTransport {

    private static final Logger LOG = LoggerFactory.getLogger(DatagramTransport.class);
    private static final SendResult TOO_LARGE =
            SendResult.dropped("datagram larger than " + EventInterface.MAX_DATAGRAM + " bytes");
    private static final SendResult EMPTY = SendResult.failed("empty datagram");

    /** Each destination's channel. */
    protected final DestinationChannels<D, C> channels;
    private final Class<D> type;
    private final SendResult notOurs;

    /**
     * @param type   the transport's destination class
     * @param name   the transport's name in messages, e.g. {@code UDP}
     * @param slots  the slot each destination keeps its channel in
     * @param opener opens a destination's channel
     */
    protected DatagramTransport(Class<D> type, String name, Function<D, ChannelSlot<C>> slots,
            DestinationChannels.Opener<D, C> opener) {
        this.type = type;
        this.notOurs = SendResult.failed("not a destination of the " + name + " transport");
        this.channels = new DestinationChannels<>(slots, opener);
    }

    @Override
    public final SendResult send(Destination destination, ByteBuffer payload) {
        int size = payload.remaining();
        if (size > EventInterface.MAX_DATAGRAM) {
            return TOO_LARGE;
        }
        if (size == 0) {
            return EMPTY;
        }
        if (!type.isInstance(destination)) {
            return notOurs;
        }
        int position = payload.position();
        try {
            return sendDatagram(type.cast(destination), payload, size);
        } finally {
            payload.position(position);
        }
    }

    /**
     * Sends the payload, {@code size} bytes from its position (1 to {@link EventInterface#MAX_DATAGRAM}), as one
     * datagram. The caller puts the position back afterwards.
     */
    protected abstract SendResult sendDatagram(D destination, ByteBuffer payload, int size);

    @Override
    public final void release(Destination destination) {
        if (type.isInstance(destination)) {
            try {
                channels.release(type.cast(destination));
            } catch (IOException e) {
                LOG.debug("closing the channel of {} failed", destination, e);
            }
        }
    }
}
