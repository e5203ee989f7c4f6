package org.evi4j.transport.virtual.internal;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.evi4j.spi.DeliveryReport;
import org.evi4j.spi.Destination;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.OutgoingEvent;
import org.evi4j.spi.SendResult;
import org.evi4j.spi.Transports;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenSIPS's {@code event_virtual}: a subscriber {@code virtual:POLICY socket socket ...} whose members are sockets
 * of any transport, reached through the {@link Transports} service, so that each member is parsed, checked and
 * sent by its own transport and counted like a plain subscriber (undelivered while its transport is away). The
 * member sends count in the virtual subscriber's statistics.
 */
@Component(service = EventTransport.class, configurationPid = VirtualTransport.PID,
        property = EventTransport.SCHEME_PROPERTY + "=virtual",
        // looked up when a socket is parsed, not bound at activation: the core binds every transport, this one
        // included, while it activates, so needing the core's service to activate would be a cycle
        reference = @Reference(name = VirtualTransport.TRANSPORTS, service = Transports.class,
                cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC))
@Designate(ocd = VirtualTransportConfig.class)
public final class VirtualTransport implements EventTransport {

    /** The configuration PID. */
    static final String PID = "org.evi4j.transport.virtual";
    static final String TRANSPORTS = "transports";

    private static final Logger LOG = LoggerFactory.getLogger(VirtualTransport.class);
    private static final SendResult NEEDS_EVENT = SendResult.failed(
            "the virtual transport sends events, not bytes (EventTransport.send with an OutgoingEvent)");

    private final Supplier<Transports> transports;
    private final Clock clock;
    private volatile int failoverTimeout;

    @Activate
    public VirtualTransport(ComponentContext context, VirtualTransportConfig config) {
        this(() -> (Transports) context.locateService(TRANSPORTS), config, Clock.systemUTC());
    }

    /** A transport reaching the members through that service (tests and benchmarks, without OSGi). */
    public VirtualTransport(Transports transports, VirtualTransportConfig config) {
        this(() -> transports, config, Clock.systemUTC());
    }

    VirtualTransport(Transports transports, VirtualTransportConfig config, Clock clock) {
        this(() -> transports, config, clock);
    }

    private VirtualTransport(Supplier<Transports> transports, VirtualTransportConfig config, Clock clock) {
        this.transports = transports;
        this.clock = clock;
        modified(config);
    }

    @Modified
    void modified(VirtualTransportConfig config) {
        if (config.failover__timeout() < 0) {
            throw new IllegalArgumentException("failover_timeout must be 0 or more: " + config.failover__timeout());
        }
        failoverTimeout = config.failover__timeout();
        LOG.debug("virtual transport: failover_timeout {} s", failoverTimeout);
    }

    @Override
    public Destination parse(String address) {
        return parse(address, DeliveryReport.NONE);
    }

    /**
     * Parses the policy and opens a route to every member, so that a bad member is refused now, with its own
     * transport's message.
     */
    @Override
    public Destination parse(String address, DeliveryReport report) {
        VirtualSocket socket = VirtualSocket.parse(address);
        Transports all = socket.members().isEmpty() ? null : transports.get();
        if (all == null && !socket.members().isEmpty()) {
            throw new IllegalArgumentException("the core's Transports service is not available");
        }
        List<Member> members = new ArrayList<>(socket.members().size());
        try {
            for (String member : socket.members()) {
                members.add(new Member(member, all, report, clock));
            }
        } catch (RuntimeException e) {
            members.forEach(Member::close);
            throw e instanceof IllegalArgumentException iae ? iae
                    : new IllegalArgumentException("member refused: " + e.getMessage(), e);
        }
        return new VirtualDestination(socket, members);
    }

    @Override
    public SendResult send(Destination destination, OutgoingEvent event) {
        return ((VirtualDestination) destination).send(event, clock.millis(), failoverTimeout);
    }

    @Override
    public SendResult send(Destination destination, ByteBuffer payload) {
        return NEEDS_EVENT;
    }

    @Override
    public void release(Destination destination) {
        ((VirtualDestination) destination).close();
    }
}
