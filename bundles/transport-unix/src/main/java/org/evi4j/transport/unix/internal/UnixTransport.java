package org.evi4j.transport.unix.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeUnit;

import org.evi4j.api.EventInterface;
import org.evi4j.spi.Destination;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.SendResult;
import org.newsclub.net.unix.AFSocket;
import org.newsclub.net.unix.AFSocketCapability;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.ConnectionRefusedSocketException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends events as AF_UNIX datagrams to {@code unix:/path} subscribers, through junixsocket (the JDK has no UNIX
 * datagram sockets). Each destination gets its own connected non-blocking channel: junixsocket closes a socket that
 * meets ECONNREFUSED, so one shared socket would be lost to every subscriber whenever one receiver is dead.
 */
@Component(property = EventTransport.SCHEME_PROPERTY + "=unix")
public final class UnixTransport implements EventTransport {

    private static final Logger LOG = LoggerFactory.getLogger(UnixTransport.class);
    private static final SendResult TOO_LARGE =
            SendResult.dropped("datagram larger than " + EventInterface.MAX_DATAGRAM + " bytes");
    private static final SendResult EMPTY = SendResult.failed("empty datagram");
    private static final SendResult QUEUE_FULL = SendResult.dropped("receiver queue full");
    private static final SendResult CLOSED = SendResult.failed("UNIX transport closed");
    private static final SendResult NOT_UNIX = SendResult.failed("not a destination of the UNIX transport");

    private final UnixChannels channels = new UnixChannels();
    private final WarnLimiter warnings = new WarnLimiter(10, TimeUnit.SECONDS);

    /** @throws IllegalStateException when junixsocket cannot do UNIX datagrams here (no native library) */
    @Activate
    public UnixTransport() {
        if (!AFSocket.supports(AFSocketCapability.CAPABILITY_UNIX_DATAGRAMS)) {
            throw new IllegalStateException("junixsocket cannot send UNIX datagrams on this platform");
        }
        LOG.debug("UNIX transport active");
    }

    @Deactivate
    void deactivate() {
        channels.close();
        LOG.debug("UNIX transport stopped");
    }

    @Override
    public Destination parse(String address) {
        return UnixDestination.parse(address);
    }

    @Override
    public SendResult send(Destination destination, ByteBuffer payload) {
        int size = payload.remaining();
        if (size > EventInterface.MAX_DATAGRAM) {
            return TOO_LARGE;
        }
        if (size == 0) {
            return EMPTY;
        }
        if (!(destination instanceof UnixDestination)) {
            return NOT_UNIX;
        }
        int position = payload.position();
        // junixsocket closes the channel of an interrupted thread even in non-blocking mode: hold the flag back
        boolean interrupted = Thread.interrupted();
        try {
            return send((UnixDestination) destination, payload, size, true);
        } finally {
            payload.position(position);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private SendResult send(UnixDestination destination, ByteBuffer payload, int size, boolean mayRetry) {
        AFUNIXDatagramChannel channel;
        try {
            channel = channels.channelFor(destination);
        } catch (IOException | RuntimeException e) {
            return failure(destination, e);
        }
        int position = payload.position();
        try {
            return channel.write(payload) == size ? SendResult.SENT : QUEUE_FULL;
        } catch (IOException | RuntimeException e) {
            if (wouldBlock(e)) {
                return QUEUE_FULL;
            }
            discard(destination, channel);
            if (mayRetry && !channels.isClosed()) {
                // the receiver went away since we connected; it may be back on the same path
                payload.position(position);
                return send(destination, payload, size, false);
            }
            return failure(destination, e);
        }
    }

    private static boolean wouldBlock(Exception e) {
        String message = e.getMessage();
        return message != null && message.contains("Resource temporarily unavailable");
    }

    private void discard(UnixDestination destination, AFUNIXDatagramChannel channel) {
        try {
            channels.discard(destination, channel);
        } catch (IOException e) {
            LOG.debug("closing the channel of {} failed", destination, e);
        }
    }

    private SendResult failure(UnixDestination destination, Exception e) {
        if (e instanceof ClosedChannelException && channels.isClosed()) {
            return CLOSED;
        }
        String message = String.valueOf(e.getMessage());
        if (e instanceof ConnectionRefusedSocketException) {
            LOG.debug("unix:{} refused the datagram", destination.address());
            return SendResult.failed("connection refused: nothing listens on unix:" + destination.address());
        }
        if (message.contains("No such file or directory")) {
            LOG.debug("unix:{} does not exist", destination.address());
            return SendResult.failed("no such socket: unix:" + destination.address());
        }
        long suppressed = warnings.tryAcquire();
        if (suppressed >= 0) {
            LOG.warn("UNIX send to unix:{} failed ({} similar warnings suppressed): {}", destination.address(),
                    suppressed, e.toString());
        }
        return SendResult.failed("send to unix:" + destination.address() + " failed: " + e);
    }

    @Override
    public void release(Destination destination) {
        if (destination instanceof UnixDestination) {
            try {
                channels.release((UnixDestination) destination);
            } catch (IOException e) {
                LOG.debug("closing the channel of {} failed", destination, e);
            }
        }
    }

    /** How many destinations hold an open channel now (for tests). */
    int openChannels() {
        return channels.openCount();
    }
}
