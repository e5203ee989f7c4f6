package org.evi4j.itests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Hashtable;

import org.evi4j.spi.Destination;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.SendResult;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * A transport of the test's own, as a user would write one: scheme {@code relay:PORT} relays each event to
 * {@code 127.0.0.1:PORT} over UDP. Registered by a plain activator in a bundle the test builds.
 */
public final class RelayTransport implements EventTransport {

    private final DatagramChannel channel;

    RelayTransport() throws IOException {
        channel = DatagramChannel.open();
        channel.configureBlocking(false);
    }

    @Override
    public Destination parse(String address) {
        try {
            int port = Integer.parseInt(address);
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("relay port out of range: " + address);
            }
            return new RelayDestination(address, new InetSocketAddress("127.0.0.1", port));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("relay address is a port number: " + address);
        }
    }

    @Override
    public SendResult send(Destination destination, ByteBuffer payload) {
        int position = payload.position();
        try {
            return channel.send(payload, ((RelayDestination) destination).target) == 0
                    ? SendResult.dropped("would block") : SendResult.SENT;
        } catch (IOException e) {
            return SendResult.failed(e.toString());
        } finally {
            payload.position(position);
        }
    }

    /** A relay target. */
    public static final class RelayDestination implements Destination {
        private final String address;
        private final InetSocketAddress target;

        RelayDestination(String address, InetSocketAddress target) {
            this.address = address;
            this.target = target;
        }

        @Override
        public String address() {
            return address;
        }

        @Override
        public java.util.Optional<java.net.InetAddress> inetAddress() {
            return java.util.Optional.of(target.getAddress());
        }
    }

    /** Registers the transport while the bundle runs. */
    public static final class Activator implements BundleActivator {
        private RelayTransport transport;

        @Override
        public void start(BundleContext context) throws IOException {
            transport = new RelayTransport();
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(EventTransport.SCHEME_PROPERTY, "relay");
            context.registerService(EventTransport.class, transport, properties);
        }

        @Override
        public void stop(BundleContext context) throws IOException {
            transport.channel.close();
        }
    }
}
