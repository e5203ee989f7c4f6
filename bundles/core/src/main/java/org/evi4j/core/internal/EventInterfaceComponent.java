package org.evi4j.core.internal;

import java.io.File;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.evi4j.api.Event;
import org.evi4j.api.EventInfo;
import org.evi4j.api.EventInterface;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.spi.DeliveryReport;
import org.evi4j.spi.EventEncoder;
import org.evi4j.spi.EventListener;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.Route;
import org.evi4j.spi.Transports;
import org.evi4j.support.LogText;
import org.evi4j.support.RuntimeFolder;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link EventInterface} service, and the {@link Transports} service through which transports reach the
 * others: binds every transport and encoder as they come and go, sweeps expired subscribers, and keeps
 * subscriptions in a journal in the bundle's data area (every change durable before it is answered).
 */
@Component(service = { EventInterface.class, Transports.class }, configurationPid = EventInterfaceComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = CoreConfig.class)
public final class EventInterfaceComponent implements EventInterface, Transports {

    /** The configuration PID. */
    static final String PID = "org.evi4j.core";
    private static final Logger LOG = LoggerFactory.getLogger(EventInterfaceComponent.class);
    private static final long SWEEP_MILLIS = 10_000;

    private final ServiceIndex<EventTransport> transports = new ServiceIndex<>(EventTransport.SCHEME_PROPERTY);
    private final ServiceIndex<EventEncoder> encoders = new ServiceIndex<>(EventEncoder.NAME_PROPERTY);
    private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
    private volatile EventEngine engine;
    private Housekeeper housekeeper;
    private JournalLog journal;
    /** Parses subscribers' addresses off the raising thread (a host name may take a while to resolve). */
    private ThreadPoolExecutor binder;

    @Activate
    public void activate(BundleContext context, CoreConfig config) {
        Settings settings = Settings.from(config, config.allowed__unix__folders().length == 0
                ? RuntimeFolder.of(context, "sockets", true) : null);
        File dataArea = settings.persist() ? context.getDataFile("") : null;
        if (settings.persist() && dataArea == null) {
            LOG.warn("no data area for the core bundle: subscriptions will not persist");
        }
        JournalSettings js = JournalSettings.from(config);
        journal = dataArea == null ? null : new JournalLog(dataArea.toPath(), Clock.systemUTC(),
                js.commitWindowMicros(), js.compactAfterRecords());
        housekeeper = new Housekeeper(SWEEP_MILLIS);
        binder = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "evi4j-core-binder");
            t.setDaemon(true);
            return t;
        });
        binder.allowCoreThreadTimeOut(true);
        EventEngine e = new EventEngine(settings, transports, encoders, Clock.systemUTC(),
                journal == null ? ChangeLog.MEMORY : journal, binder);
        for (String name : settings.publishedEvents()) {
            LOG.info("published event {} (id {}) from configuration", name, e.publish(name));
        }
        if (journal != null) {
            journal.open(e.restore(journal.load()));
        }
        engine = e;
        e.bindAll();
        housekeeper.start(e);
        LOG.debug("Event Interface core active: {}, {}", settings, js);
    }

    @Deactivate
    public void deactivate() {
        housekeeper.stop();
        if (journal != null) {
            journal.close();
        }
        binder.shutdownNow();
        engine.close();
        engine = null;
        LOG.debug("Event Interface core stopped");
    }

    @Reference(service = EventTransport.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeTransport", updated = "updatedTransport")
    public void addTransport(EventTransport transport, Map<String, Object> properties) {
        transports.add(transport, properties);
        EventEngine e = engine;
        if (e != null) {
            e.bindAll();
        }
        LOG.debug("transport bound: {}", properties.get(EventTransport.SCHEME_PROPERTY));
    }

    void updatedTransport(EventTransport transport, Map<String, Object> properties) {
        removeTransport(transport, properties);
        addTransport(transport, properties);
    }

    void removeTransport(EventTransport transport, Map<String, Object> properties) {
        transports.remove(transport);
        EventEngine e = engine;
        if (e != null) {
            e.forget(transport);
        }
        LOG.debug("transport unbound: {}", properties.get(EventTransport.SCHEME_PROPERTY));
    }

    @Reference(service = EventEncoder.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeEncoder", updated = "updatedEncoder")
    public void addEncoder(EventEncoder encoder, Map<String, Object> properties) {
        encoders.add(encoder, properties);
    }

    void updatedEncoder(EventEncoder encoder, Map<String, Object> properties) {
        encoders.remove(encoder);
        encoders.add(encoder, properties);
    }

    void removeEncoder(EventEncoder encoder, Map<String, Object> properties) {
        encoders.remove(encoder);
    }

    @Reference(service = EventListener.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeListener")
    void addListener(EventListener listener) {
        listeners.add(listener);
    }

    void removeListener(EventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public int publish(String name) {
        return engine.publish(name);
    }

    @Override
    public Optional<EventInfo> event(String name) {
        return engine.event(name);
    }

    @Override
    public List<EventInfo> events() {
        return engine.events();
    }

    @Override
    public boolean hasSubscribers(String name) {
        return engine.hasSubscribers(name);
    }

    @Override
    public int raise(Event event) {
        int handed = engine.raise(event);
        for (EventListener listener : listeners) {
            try {
                listener.eventRaised(event);
            } catch (RuntimeException e) {
                LOG.warn("event listener {} failed on {}", listener, LogText.escape(event.name()), e);
            }
        }
        return handed;
    }

    @Override
    public void subscribe(String event, String socket, int expire) {
        engine.subscribe(event, socket, expire);
    }

    @Override
    public void subscribe(String event, String socket) {
        engine.subscribe(event, socket);
    }

    @Override
    public boolean unsubscribe(String event, String socket) {
        return engine.unsubscribe(event, socket);
    }

    @Override
    public List<SubscriberInfo> subscribers(String event) {
        return engine.subscribers(event);
    }

    @Override
    public Optional<SubscriberInfo> subscriber(String event, String socket) {
        return engine.subscriber(event, socket);
    }

    @Override
    public Route route(String socket, DeliveryReport report) {
        return engine.route(socket, report);
    }

    @Override
    public void resetStatistics() {
        engine.resetStatistics();
    }
}
