package org.evi4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.evi4j.api.InvalidSubscriptionException;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.api.UnknownEventException;
import org.evi4j.spi.EventEncoder;
import org.evi4j.spi.EventTransport;
import org.evi4j.testkit.FuzzMutator;
import org.evi4j.testkit.TestClock;
import org.junit.jupiter.api.Test;

/**
 * Issue 7: mutated and random socket strings (seeded from {@code sockets.json}) through the core's subscribe path,
 * with transports that validate like the real ones but never resolve names ({@link LiteralTransport}). Every
 * outcome is a subscription or a refusal with a message; a refusal changes nothing, and no destination leaks.
 * A failure names the seed and iteration to replay.
 */
class SocketStringFuzzTest {

    private static final long SEED = Long.getLong("evi4j.fuzz.seed", 20261123L);
    private static final int ITERATIONS = Integer.getInteger("evi4j.fuzz.iterations", 150_000);
    private static final String EVENT = "E_FUZZ";
    private static final int[] EXPIRES = {3600, 3600, 3600, 1, 0, -1, Integer.MAX_VALUE};

    private final TestClock clock = new TestClock(1_700_000_000_000L);
    private final LiteralTransport udp = new LiteralTransport(false);
    private final LiteralTransport unix = new LiteralTransport(true);
    private final EventEngine engine = engine();
    private final FuzzMutator mutator = FuzzMutator.ofStrings(SEED, FuzzMutator.socketStrings());

    private EventEngine engine() {
        ServiceIndex<EventTransport> transports = new ServiceIndex<>(EventTransport.SCHEME_PROPERTY);
        ServiceIndex<EventEncoder> encoders = new ServiceIndex<>(EventEncoder.NAME_PROPERTY);
        long id = 1;
        transports.add(udp, props(EventTransport.SCHEME_PROPERTY, "udp", id++));
        transports.add(unix, props(EventTransport.SCHEME_PROPERTY, "unix", id++));
        encoders.add(new TestEncoder("jsonrpc"), props(EventEncoder.NAME_PROPERTY, "jsonrpc", id++));
        encoders.add(new TestEncoder("legacy"), props(EventEncoder.NAME_PROPERTY, "legacy", id++));
        return new EventEngine(Settings.defaults(), transports, encoders, clock, ChangeLog.MEMORY);
    }

    private static Map<String, Object> props(String key, Object value, long id) {
        Map<String, Object> p = new HashMap<>();
        p.put(key, value);
        p.put(org.osgi.framework.Constants.SERVICE_ID, id);
        return p;
    }

    @Test
    void mutatedSocketsAreSubscribedOrRefusedWithAMessageAndRefusalsChangeNothing() {
        engine.publish(EVENT);
        engine.subscribe(EVENT, "udp:127.0.0.1:8081", 3600);
        engine.subscribe(EVENT, "unix:/tmp/fuzz.sock;encoder=legacy", 3600);
        int subscribed = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            String socket = mutator.string(i);
            int expire = EXPIRES[Math.floorMod(socket.hashCode() + i, EXPIRES.length)];
            String event = i % 50 == 0 ? "E_NOPE" : EVENT;
            subscribed += attempt(event, socket, expire, i) ? 1 : 0;
            assertThat(udp.outstanding() + unix.outstanding()).as("destinations held; %s", mutator.describe(i))
                    .isEqualTo(engine.subscribers(EVENT).size());
        }
        assertThat(subscribed).as("subscriptions that succeeded").isGreaterThan(ITERATIONS / 50);
        // what the fuzz added it removed again; the two first ones may have been refreshed or unsubscribed (expire 0)
        assertThat(engine.subscribers(EVENT)).extracting(s -> s.socket().replaceAll(";encoder=.*$", ""))
                .isSubsetOf("unix:/tmp/fuzz.sock", "udp:127.0.0.1:8081");
    }

    /** @return whether the subscription succeeded with a positive expire */
    private boolean attempt(String event, String socket, int expire, long i) {
        List<SubscriberInfo> before = engine.subscribers(EVENT);
        try {
            engine.subscribe(event, socket, expire);
        } catch (InvalidSubscriptionException | UnknownEventException | IllegalArgumentException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                fail(e.getClass().getSimpleName() + " without a message; " + mutator.describe(i), e);
            }
            assertThat(engine.subscribers(EVENT)).as("state after a refusal of '%s'; %s", socket,
                    mutator.describe(i)).isEqualTo(before);
            return false;
        } catch (RuntimeException e) {
            fail("subscribe(" + socket + ") threw " + e + "; " + mutator.describe(i), e);
        }
        if (expire == 0) {
            assertThat(engine.subscriber(EVENT, socket)).as("after expire 0; %s", mutator.describe(i)).isEmpty();
            return false;
        }
        assertThat(engine.subscriber(EVENT, socket)).as("subscribed '%s'; %s", socket, mutator.describe(i))
                .isPresent();
        undoIfNew(before, socket, i);
        return true;
    }

    /** Keeps the state small: a subscriber the fuzz added goes again, one it refreshed stays. */
    private void undoIfNew(List<SubscriberInfo> before, String socket, long i) {
        String added = engine.subscriber(EVENT, socket).orElseThrow().socket();
        List<String> old = new ArrayList<>();
        before.forEach(s -> old.add(s.socket().replace(";encoder=legacy", "").replace(";encoder=jsonrpc", "")));
        if (!old.contains(added.replaceAll(";encoder=.*$", ""))) {
            assertThat(engine.unsubscribe(EVENT, socket)).as("unsubscribe; %s", mutator.describe(i)).isTrue();
        }
    }
}
