package org.evi4j.transport.kafka.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.evi4j.spi.DeliveryReport;
import org.evi4j.spi.Destination;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.OutgoingEvent;
import org.evi4j.spi.SendResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces events to Kafka for {@code kafka:} subscribers, as OpenSIPS event_kafka does: the record's value is the
 * subscriber's encoded event, its key the event's Call-ID for {@code key=callid} subscribers. Destinations with the
 * same brokers and client properties share one producer, created on the first send and closed when the last of them
 * is released. A send only queues a copy of the event and answers {@link SendResult#PENDING}; the client's delivery
 * callbacks tell each subscriber's {@link DeliveryReport} whether the broker acknowledged it.
 */
@Component(service = EventTransport.class, configurationPid = KafkaTransport.PID,
        property = EventTransport.SCHEME_PROPERTY + "=kafka")
@Designate(ocd = KafkaTransportConfig.class)
public final class KafkaTransport implements EventTransport {

    /** The configuration PID. */
    static final String PID = "org.evi4j.transport.kafka";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTransport.class);
    private static final long STOP_WAIT_MS = 5000;
    private static final SendResult STOPPED = SendResult.failed("Kafka transport stopped");
    private static final SendResult RELEASED = SendResult.failed("Kafka destination released");
    private static final SendResult FOREIGN = SendResult.failed("not a destination of the Kafka transport");

    private final ProducerSettings settings;
    private final SendResult tooManyProducers;
    /** Guards itself, {@link #stopping} and {@link #closed}. */
    private final Map<ProducerKey, ProducerLink> links = new HashMap<>();
    private final List<ProducerLink> stopping = new ArrayList<>();
    private boolean closed;

    @Activate
    public KafkaTransport(KafkaTransportConfig config) {
        this(ProducerSettings.of(config));
    }

    KafkaTransport(ProducerSettings settings) {
        this.settings = settings;
        this.tooManyProducers = SendResult.failed("max_producers (" + settings.maxProducers()
                + ") Kafka producers in use: another broker list or other client properties need one more");
        LOG.debug("Kafka transport active ({})", settings);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        List<ProducerLink> all;
        synchronized (links) {
            closed = true;
            all = new ArrayList<>(links.values());
            all.addAll(stopping);
            links.clear();
            stopping.clear();
        }
        all.forEach(ProducerLink::stop);
        for (ProducerLink link : all) {
            link.awaitStop(STOP_WAIT_MS);
        }
        LOG.debug("Kafka transport stopped");
    }

    @Override
    public Destination parse(String address) {
        return parse(address, DeliveryReport.NONE);
    }

    @Override
    public Destination parse(String address, DeliveryReport report) {
        KafkaDestination destination = KafkaAddressParser.parse(address, Objects.requireNonNull(report, "report"));
        synchronized (links) {
            if (links.size() >= settings.maxProducers() && !links.containsKey(destination.producer())) {
                throw new IllegalArgumentException(tooManyProducers.reason());
            }
        }
        return destination;
    }

    @Override
    public SendResult send(Destination destination, OutgoingEvent outgoing) {
        if (!(destination instanceof KafkaDestination)) {
            return FOREIGN;
        }
        KafkaDestination kafka = (KafkaDestination) destination;
        return send(kafka, kafka.keyedByCallId() ? CallIdKey.of(outgoing.event()) : null, outgoing.payload());
    }

    @Override
    public SendResult send(Destination destination, ByteBuffer payload) {
        if (!(destination instanceof KafkaDestination)) {
            return FOREIGN;
        }
        return send((KafkaDestination) destination, null, payload);
    }

    private SendResult send(KafkaDestination destination, byte[] key, ByteBuffer payload) {
        ProducerLink link = destination.link();
        if (link == null) {
            link = attach(destination);
            if (link == null) {
                return destination.released() ? RELEASED : closed() ? STOPPED : tooManyProducers;
            }
        }
        byte[] value = new byte[payload.remaining()];
        payload.get(payload.position(), value);
        return link.offer(destination, key, value);
    }

    private boolean closed() {
        synchronized (links) {
            return closed;
        }
    }

    private ProducerLink attach(KafkaDestination destination) {
        synchronized (links) {
            if (closed || destination.released()) {
                return null;
            }
            if (destination.link() == null) {
                ProducerLink link = links.get(destination.producer());
                if (link == null) {
                    if (links.size() >= settings.maxProducers()) {
                        return null;
                    }
                    link = new ProducerLink(destination.producer(), settings);
                    link.start();
                    links.put(destination.producer(), link);
                }
                link.attach(destination);
                destination.link(link);
            }
            return destination.link();
        }
    }

    @Override
    public void release(Destination destination) {
        if (!(destination instanceof KafkaDestination)) {
            return;
        }
        KafkaDestination kafka = (KafkaDestination) destination;
        synchronized (links) {
            kafka.release();
            ProducerLink link = kafka.link();
            if (link != null && link.detach(kafka) && links.remove(kafka.producer(), link)) {
                link.stop();
                stopping.removeIf(ProducerLink::stopped);
                stopping.add(link);
            }
        }
    }

    /** The counters of every producer in use, for tests and management. */
    public List<KafkaProducerStats> producers() {
        synchronized (links) {
            return links.values().stream().map(ProducerLink::stats).toList();
        }
    }
}
