package org.evi4j.core.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.evi4j.spi.EventEncoder;
import org.evi4j.spi.EventTransport;
import org.evi4j.support.net.Networks;
import org.evi4j.testkit.TestClock;
import org.osgi.framework.Constants;

/**
 * An engine over test transports ({@code udp}, {@code unix}) and encoders ({@code jsonrpc}, {@code legacy}) with a
 * test clock, built without OSGi.
 */
final class Fixture {

    static final long START = 1_700_000_000_000L;
    final TestClock clock;
    final ServiceIndex<EventTransport> transports = new ServiceIndex<>(EventTransport.SCHEME_PROPERTY);
    final ServiceIndex<EventEncoder> encoders = new ServiceIndex<>(EventEncoder.NAME_PROPERTY);
    final TestTransport udp = new TestTransport();
    final TestTransport unix = new TestTransport();
    final TestEncoder json = new TestEncoder("jsonrpc");
    final TestEncoder legacy = new TestEncoder("legacy");
    final AtomicInteger changes = new AtomicInteger();
    /** What a journal would have been given, in order (when the fixture has no log of its own). */
    final List<JournalRecord> records = new CopyOnWriteArrayList<>();
    final EventEngine engine;
    private long nextId = 1;

    Fixture() {
        this(Settings.defaults());
    }

    Fixture(Settings settings) {
        this(settings, new TestClock(START), null);
    }

    /**
     * @param log where changes go; {@code null} for one that counts and records them and applies them at once
     */
    Fixture(Settings settings, TestClock clock, ChangeLog log) {
        this.clock = clock;
        transports.add(udp, props(EventTransport.SCHEME_PROPERTY, "udp", 0));
        transports.add(unix, props(EventTransport.SCHEME_PROPERTY, "unix", 0));
        encoders.add(json, props(EventEncoder.NAME_PROPERTY, "jsonrpc", 0));
        encoders.add(legacy, props(EventEncoder.NAME_PROPERTY, "legacy", 0));
        engine = new EventEngine(settings, transports, encoders, clock, log == null ? this::recorded : log);
    }

    private <T> T recorded(ChangeLog.Change<T> change) {
        ChangeLog.Applied<T> applied = change.apply();
        if (applied.record() != null) {
            records.add(applied.record());
            changes.incrementAndGet();
        }
        applied.durable().run();
        return applied.result();
    }

    /** Service properties as DS gives them to a bind method. */
    Map<String, Object> props(String key, Object value, int ranking) {
        Map<String, Object> p = new HashMap<>();
        p.put(key, value);
        p.put(Constants.SERVICE_RANKING, ranking);
        p.put(Constants.SERVICE_ID, nextId++);
        return p;
    }

    /** Unbinds a transport as the component does. */
    void unbind(EventTransport transport) {
        transports.remove(transport);
        engine.forget(transport);
    }

    static Settings settings(Networks allowed, int maxExpire, int perEvent, int total) {
        Settings d = Settings.defaults();
        return new Settings(List.of(), d.defaultEncoder(), d.defaultExpire(), maxExpire, true, allowed, perEvent,
                total, d.allowedUnixFolders(), d.maxPerDestination());
    }
}
