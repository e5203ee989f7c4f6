package org.evi4j.transport.udp.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;

import org.evi4j.spi.Destination;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.SendResult;
import org.evi4j.support.HostResolver;
import org.evi4j.support.LogLimiter;
import org.evi4j.support.datagram.DatagramTransport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends events as UDP datagrams to {@code udp:HOST:PORT} and {@code udp:[IPv6]:PORT} subscribers. Each destination
 * gets its own connected non-blocking channel, so that the kernel reports an ICMP port unreachable to the
 * subscriber that caused it, as a failure of its next send.
 */
@Component(service = EventTransport.class, configurationPid = UdpTransport.PID,
        property = EventTransport.SCHEME_PROPERTY + "=udp")
@Designate(ocd = UdpTransportConfig.class)
public final class UdpTransport extends DatagramTransport<UdpDestination, DatagramChannel> {

    /** The configuration PID. */
    static final String PID = "org.evi4j.transport.udp";

    private static final Logger LOG = LoggerFactory.getLogger(UdpTransport.class);
    private static final SendResult WOULD_BLOCK = SendResult.dropped("socket send buffer full");
    private static final SendResult CLOSED = SendResult.failed("UDP transport closed");

    private final LogLimiter warnings = new LogLimiter(10, TimeUnit.SECONDS);
    /** Host names are resolved here, off the MI reader's and the producer's thread, within 2 s. */
    private final HostResolver resolver = new HostResolver("udp", HostResolver.DEFAULT_TIMEOUT_MILLIS);

    @Activate
    public UdpTransport(UdpTransportConfig config) {
        super(UdpDestination.class, "UDP", UdpDestination::slot, opener(config));
        LOG.debug("UDP transport active (bind_address '{}', send_buffer_size {})",
                config.bind__address(), config.send__buffer__size());
    }

    private static UdpChannelOpener opener(UdpTransportConfig config) {
        if (config.send__buffer__size() < 0) {
            throw new IllegalArgumentException("send_buffer_size must be 0 or more: " + config.send__buffer__size());
        }
        return new UdpChannelOpener(bindAddress(config.bind__address().trim()), config.send__buffer__size());
    }

    private static InetAddress bindAddress(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try (DatagramChannel probe = DatagramChannel.open()) {
            InetAddress address = InetAddress.getByName(text);
            probe.bind(new InetSocketAddress(address, 0));
            return address;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bind_address '" + text + "' does not resolve", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("bind_address '" + text + "' cannot be bound: " + e.getMessage(), e);
        }
    }

    @Deactivate
    public void deactivate() {
        channels.close();
        resolver.close();
        LOG.debug("UDP transport stopped");
    }

    @Override
    public Destination parse(String address) {
        return UdpAddressParser.parse(address, resolver);
    }

    @Override
    protected SendResult sendDatagram(UdpDestination udp, ByteBuffer payload, int size) {
        try {
            return channels.channelFor(udp).write(payload) == size ? SendResult.SENT : WOULD_BLOCK;
        } catch (PortUnreachableException e) {
            LOG.debug("udp:{} is unreachable (ICMP port unreachable)", udp.address());
            return SendResult.failed("ICMP port unreachable: nothing listens on udp:" + udp.address());
        } catch (ClosedChannelException e) {
            return closedFailure(udp, e);
        } catch (IOException | RuntimeException e) {
            warn(udp, e);
            return SendResult.failed("send to udp:" + udp.address() + " failed: " + e);
        }
    }

    private SendResult closedFailure(UdpDestination udp, ClosedChannelException e) {
        if (channels.isClosed()) {
            return CLOSED;
        }
        // closed underneath this send (release, or an outside close): the next send opens a new channel
        warn(udp, e);
        return SendResult.failed("send to udp:" + udp.address() + " failed: channel closed (" + e + ")");
    }

    private void warn(UdpDestination udp, Exception e) {
        long suppressed = warnings.permit();
        if (suppressed >= 0) {
            LOG.warn("UDP send to udp:{} failed ({} similar warnings suppressed): {}", udp.address(), suppressed,
                    e.toString());
        }
    }

    /** How many destinations hold an open channel now (for tests). */
    int openChannels() {
        return channels.openCount();
    }
}
