package org.evi4j.mi.datagram.internal;

import java.io.IOException;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.evi4j.mi.MiDispatcher;
import org.evi4j.mi.MiEndpointStatistics;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MI datagram server: one socket per factory configuration, {@code children_count} reader threads on it, each
 * request handed to the {@link MiDispatcher} and the reply sent back to the request's source. One reader at a time
 * receives and serves; another takes over when a command runs long ({@link Leadership}). A configuration
 * change rebinds (DS deactivates and activates again); deleting the configuration closes the socket.
 */
@Component(configurationPid = MiDatagramServer.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {},
        immediate = true)
@Designate(ocd = MiDatagramConfig.class, factory = true)
public final class MiDatagramServer {
    /** The factory PID of the configurations. */
    static final String PID = "org.evi4j.mi.datagram";

    private static final Logger LOG = LoggerFactory.getLogger(MiDatagramServer.class);
    /** How long stopping waits for a reader beyond the reply timeout, before interrupting it. */
    private static final long JOIN_GRACE_MILLIS = 2000;

    private final Endpoint endpoint;
    private final SocketCounters counters;
    private final Thread jmxRegistration;
    private volatile MiSocketJmx jmx;
    private final ServiceRegistration<MiEndpointStatistics> statisticsService;
    private final Leadership leadership = new Leadership();
    private final List<Thread> readers;
    private final long joinMillis;

    /** A server outside a framework (unit tests): no {@link MiEndpointStatistics} service. */
    MiDatagramServer(MiDispatcher dispatcher, MiDatagramConfig config) throws IOException {
        this(dispatcher, config, null);
    }

    /**
     * Binds the socket, starts the readers and registers the socket's counters as an {@link MiEndpointStatistics}
     * service.
     *
     * @throws IllegalArgumentException for a bad configuration, naming the property
     * @throws IOException              when the socket cannot be bound or its file set up
     */
    @Activate
    public MiDatagramServer(@Reference MiDispatcher dispatcher, MiDatagramConfig config, BundleContext context)
            throws IOException {
        ServerSettings settings;
        try {
            settings = ServerSettings.of(config);
            this.endpoint = open(settings);
        } catch (IOException | RuntimeException e) {
            LOG.error("MI datagram server for socket_name '{}' not started: {}", config.socket__name(), e.getMessage());
            throw e;
        }
        this.counters = new SocketCounters(endpoint.name());
        this.joinMillis = settings.timeoutMillis() + JOIN_GRACE_MILLIS;
        this.readers = new ArrayList<>(settings.children());
        ServerLogs logs = new ServerLogs();
        long busyPollNanos = endpoint.canPoll() ? TimeUnit.MICROSECONDS.toNanos(settings.busyPollMicros()) : 0;
        for (int i = 1; i <= settings.children(); i++) {
            Thread reader = new Thread(new Reader(endpoint, dispatcher, settings.indent(), counters, logs,
                    leadership, i == 1, busyPollNanos), "evi4j-mi-" + endpoint.name() + "-" + i);
            reader.setDaemon(true);
            readers.add(reader);
        }
        readers.forEach(Thread::start);
        // on a thread of its own: the platform MBean server's first start takes 100 ms or more, which would hold
        // up the activation of the next MI socket (and the launcher's first MI answer) for nothing
        this.jmxRegistration = new Thread(() -> jmx = MiSocketJmx.register(counters), "evi4j-mi-jmx-" + endpoint.name());
        jmxRegistration.setDaemon(true);
        jmxRegistration.start();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(MiEndpointStatistics.SOCKET_PROPERTY, endpoint.name());
        this.statisticsService = context == null ? null
                : context.registerService(MiEndpointStatistics.class, counters, properties);
        LOG.info("MI datagram server listening on {} ({} reader{})", endpoint.name(), readers.size(),
                readers.size() == 1 ? "" : "s");
    }

    private static Endpoint open(ServerSettings settings) throws IOException {
        SocketName socket = settings.socket();
        if (socket.isUdp()) {
            return UdpEndpoint.open(socket, settings.sources());
        }
        return UnixEndpoint.open(socket.path(), settings);
    }

    /** Closes the socket, which wakes the leader, wakes the other readers, and waits for them all to end. */
    @Deactivate
    public void stop() {
        if (statisticsService != null) {
            statisticsService.unregister();
        }
        join(jmxRegistration);
        MiSocketJmx registered = jmx;
        if (registered != null) {
            registered.unregister();
        }
        endpoint.close();
        leadership.close();
        for (Thread reader : readers) {
            join(reader);
        }
        LOG.info("MI datagram server on {} stopped: {}", endpoint.name(), counters);
    }

    private void join(Thread reader) {
        try {
            reader.join(joinMillis);
            if (reader.isAlive()) {
                // stuck in the dispatcher: ask it to give up
                reader.interrupt();
                reader.join(JOIN_GRACE_MILLIS);
            }
            if (reader.isAlive()) {
                LOG.warn("MI socket {}: reader {} did not stop", endpoint.name(), reader.getName());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The counters of this server's socket. */
    MiSocketStatistics statistics() {
        return counters;
    }

    /** The bound address (the actual port when {@code udp:HOST:0} was asked for). */
    public SocketAddress localAddress() {
        return endpoint.localAddress();
    }
}
