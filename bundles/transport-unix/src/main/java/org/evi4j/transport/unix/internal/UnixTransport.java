package org.evi4j.transport.unix.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeUnit;

import org.evi4j.spi.Destination;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.SendResult;
import org.evi4j.support.LogLimiter;
import org.evi4j.support.LogText;
import org.evi4j.support.datagram.DatagramTransport;
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
@Component(service = EventTransport.class, property = EventTransport.SCHEME_PROPERTY + "=unix")
public final class UnixTransport extends DatagramTransport<UnixDestination, AFUNIXDatagramChannel> {

    private static final Logger LOG = LoggerFactory.getLogger(UnixTransport.class);
    private static final SendResult QUEUE_FULL = SendResult.dropped("receiver queue full");
    private static final SendResult CLOSED = SendResult.failed("UNIX transport closed");

    private final LogLimiter warnings = new LogLimiter(10, TimeUnit.SECONDS);

    /** @throws IllegalStateException when junixsocket cannot do UNIX datagrams here (no native library) */
    @Activate
    public UnixTransport() {
        super(UnixDestination.class, "UNIX", UnixDestination::slot, new UnixChannelOpener());
        if (!AFSocket.supports(AFSocketCapability.CAPABILITY_UNIX_DATAGRAMS)) {
            throw new IllegalStateException("junixsocket cannot send UNIX datagrams on this platform");
        }
        LOG.debug("UNIX transport active");
    }

    @Deactivate
    public void deactivate() {
        channels.close();
        LOG.debug("UNIX transport stopped");
    }

    @Override
    public Destination parse(String address) {
        return UnixDestination.parse(address);
    }

    @Override
    protected SendResult sendDatagram(UnixDestination destination, ByteBuffer payload, int size) {
        // junixsocket closes the channel of an interrupted thread even in non-blocking mode: hold the flag back
        boolean interrupted = Thread.interrupted();
        try {
            return send(destination, payload, size, true);
        } finally {
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
        long suppressed = warnings.permit();
        if (suppressed >= 0) {
            LOG.warn("UNIX send to unix:{} failed{}: {}", LogText.escape(destination.address()),
                    LogLimiter.suppressedNote(suppressed), LogText.escape(e.toString()));
        }
        return SendResult.failed("send to unix:" + destination.address() + " failed: " + e);
    }

    /** How many destinations hold an open channel now (for tests). */
    int openChannels() {
        return channels.openCount();
    }
}
