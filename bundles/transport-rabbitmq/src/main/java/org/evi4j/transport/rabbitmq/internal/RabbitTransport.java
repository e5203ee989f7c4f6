package org.evi4j.transport.rabbitmq.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.evi4j.spi.DeliveryReport;
import org.evi4j.spi.Destination;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.TransportQueues;
import org.evi4j.spi.SendResult;
import org.evi4j.support.HostResolver;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes events to RabbitMQ for {@code rabbitmq:} subscribers, as OpenSIPS event_rabbitmq does. Destinations of
 * one broker login share one connection, opened on the first send and closed when the last of them is released.
 * A send only queues a copy of the event and answers {@link SendResult#PENDING}; the connection's publisher thread
 * tells each subscriber's {@link DeliveryReport} what became of it.
 */
@Component(service = {EventTransport.class, TransportQueues.class}, configurationPid = RabbitTransport.PID,
        property = EventTransport.SCHEME_PROPERTY + "=rabbitmq")
@Designate(ocd = RabbitTransportConfig.class)
public final class RabbitTransport implements EventTransport, TransportQueues {

    /** The configuration PID. */
    static final String PID = "org.evi4j.transport.rabbitmq";

    private static final Logger LOG = LoggerFactory.getLogger(RabbitTransport.class);
    private static final long STOP_WAIT_MS = 5000;
    private static final SendResult STOPPED = SendResult.failed("RabbitMQ transport stopped");
    private static final SendResult RELEASED = SendResult.failed("RabbitMQ destination released");
    private static final SendResult FOREIGN = SendResult.failed("not a destination of the RabbitMQ transport");

    private final LinkSettings settings;
    /** Guards itself, {@link #stopping} and {@link #closed}. */
    private final Map<BrokerKey, BrokerLink> links = new HashMap<>();
    private final List<BrokerLink> stopping = new ArrayList<>();
    private final SendResult tooMany;
    /** Broker host names are resolved here, off the MI reader's and the producer's thread, within 2 s. */
    private final HostResolver resolver = new HostResolver("rabbitmq", HostResolver.DEFAULT_TIMEOUT_MILLIS);
    private boolean closed;

    @Activate
    public RabbitTransport(RabbitTransportConfig config) {
        this(LinkSettings.of(config));
    }

    RabbitTransport(LinkSettings settings) {
        this.settings = settings;
        this.tooMany = SendResult.failed("max_connections (" + settings.maxConnections()
                + ") RabbitMQ connections open: no connection for this broker login");
        LOG.debug("RabbitMQ transport active ({})", settings);
    }

    private boolean closed() {
        synchronized (links) {
            return closed;
        }
    }

    @Deactivate
    public void deactivate() throws InterruptedException {
        List<BrokerLink> all;
        synchronized (links) {
            closed = true;
            all = new ArrayList<>(links.values());
            all.addAll(stopping);
            links.clear();
            stopping.clear();
        }
        resolver.close();
        all.forEach(BrokerLink::stop);
        for (BrokerLink link : all) {
            link.awaitStop(STOP_WAIT_MS);
        }
        LOG.debug("RabbitMQ transport stopped");
    }

    @Override
    public Destination parse(String address) {
        return parse(address, DeliveryReport.NONE);
    }

    @Override
    public Destination parse(String address, DeliveryReport report) {
        RabbitDestination d = RabbitAddressParser.parse(address, Objects.requireNonNull(report, "report"),
                resolver);
        if (settings.allowedBrokers().allows(d.broker().ip())) {
            return d;
        }
        throw new IllegalArgumentException("broker " + d.broker() + " (" + d.broker().ip().getHostAddress()
                + ") is not in the RabbitMQ transport's allowed_destinations");
    }

    @Override
    public SendResult send(Destination destination, ByteBuffer payload) {
        if (!(destination instanceof RabbitDestination)) {
            return FOREIGN;
        }
        RabbitDestination rabbit = (RabbitDestination) destination;
        BrokerLink link = rabbit.link();
        if (link == null) {
            link = attach(rabbit);
            if (link == null) {
                return rabbit.released() ? RELEASED : closed() ? STOPPED : tooMany;
            }
        }
        return link.offer(rabbit, payload);
    }

    private BrokerLink attach(RabbitDestination destination) {
        synchronized (links) {
            if (closed || destination.released()) {
                return null;
            }
            if (destination.link() == null) {
                if (!links.containsKey(destination.broker()) && links.size() >= settings.maxConnections()) {
                    return null;
                }
                BrokerLink link = links.computeIfAbsent(destination.broker(), this::startLink);
                link.attach(destination);
                destination.link(link);
            }
            return destination.link();
        }
    }

    private BrokerLink startLink(BrokerKey broker) {
        BrokerLink link = new BrokerLink(broker, settings);
        link.start();
        return link;
    }

    @Override
    public void release(Destination destination) {
        if (!(destination instanceof RabbitDestination)) {
            return;
        }
        RabbitDestination rabbit = (RabbitDestination) destination;
        synchronized (links) {
            rabbit.release();
            BrokerLink link = rabbit.link();
            if (link != null && link.detach(rabbit) && links.remove(rabbit.broker(), link)) {
                link.stop();
                stopping.removeIf(BrokerLink::stopped);
                stopping.add(link);
            }
        }
    }

    /** Bytes of events waiting on every connection together. */
    long bytesWaiting() {
        synchronized (links) {
            return links.values().stream().mapToLong(BrokerLink::bytesWaiting).sum();
        }
    }

    /** The counters of every broker connection in use, for tests and management. */
    @Override
    public String scheme() {
        return "rabbitmq";
    }

    /** One queue per broker connection: its hand-off to the publisher thread. */
    @Override
    public List<Queue> queues() {
        return connections().stream().map(c -> new Queue(c.broker(), c.waiting(), c.dropped())).toList();
    }

    public List<RabbitConnectionStats> connections() {
        synchronized (links) {
            return links.values().stream().map(BrokerLink::stats).toList();
        }
    }
}
