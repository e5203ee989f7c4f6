package org.evi4j.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import javax.inject.Inject;

import org.evi4j.api.Event;
import org.evi4j.api.EventInterface;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.spi.EventEncoder;
import org.evi4j.spi.EventTransport;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Issue 2 in a real Felix: the core bundle alone (with SCR and ConfigAdmin) and a transport and an encoder that
 * the test registers as services. Transports come and go; the core bundle restarts with its data area.
 * One fresh framework per test.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class FelixCoreIT {

    private static final String EVENT = "E_IT_CORE";
    private static final String SOCKET = "test:one;encoder=itest";
    private static final Event RAISED = Event.builder(EVENT).param("ip", "10.0.0.1").param(null, 7).build();
    private static final byte[] ENCODED = RAISED.toString().getBytes(StandardCharsets.UTF_8);
    private static final long WAIT_MILLIS = 5_000;

    @Inject
    private BundleContext context;

    private EventInterface evi;

    @Configuration
    public Option[] config() {
        return options(EviOptions.runtime(), EviOptions.evi4j("api", "core"));
    }

    @Before
    public void setUp() {
        register(EventEncoder.class, new TextEncoder(), EventEncoder.NAME_PROPERTY, "itest");
        evi = Await.service(context, EventInterface.class, null);
        evi.publish(EVENT);
    }

    @Test
    public void raisedEventReachesTheTransportEncodedOnce() throws Exception {
        RecordingTransport transport = new RecordingTransport();
        register(EventTransport.class, transport, EventTransport.SCHEME_PROPERTY, "test");
        evi.subscribe(EVENT, SOCKET, 600);

        assertThat(evi.raise(RAISED)).isEqualTo(1);

        assertDelivered(transport);
        assertThat(evi.subscribers(EVENT)).singleElement()
                .satisfies(s -> assertThat(s.socket()).isEqualTo(SOCKET))
                .satisfies(s -> assertThat(s.sent()).isEqualTo(1));
    }

    @Test
    public void eventsForAMissingTransportAreUndeliveredUntilItReturns() throws Exception {
        RecordingTransport first = new RecordingTransport();
        ServiceRegistration<EventTransport> registration =
                register(EventTransport.class, first, EventTransport.SCHEME_PROPERTY, "test");
        evi.subscribe(EVENT, SOCKET, 600);
        registration.unregister();

        evi.raise(RAISED);

        SubscriberInfo kept = onlySubscriber(evi);
        assertThat(kept.socket()).isEqualTo(SOCKET);
        assertThat(kept.undelivered()).isEqualTo(1);
        assertThat(first.pending()).isZero();

        RecordingTransport second = new RecordingTransport();
        register(EventTransport.class, second, EventTransport.SCHEME_PROPERTY, "test");
        raiseUntilSent(evi, second);

        assertDelivered(second);
        assertThat(first.pending()).as("the unregistered transport is not used").isZero();
        assertThat(onlySubscriber(evi).sent()).isEqualTo(1);
    }

    @Test
    public void subscriptionsComeBackAfterTheCoreBundleRestarts() throws Exception {
        RecordingTransport transport = new RecordingTransport();
        register(EventTransport.class, transport, EventTransport.SCHEME_PROPERTY, "test");
        evi.subscribe(EVENT, SOCKET, 600);

        EventInterface restarted = restartCore();

        SubscriberInfo restored = onlySubscriber(restarted);
        assertThat(restored.socket()).isEqualTo(SOCKET);
        assertThat(restored.expire()).isEqualTo(600);
        assertThat(restored.ttl()).isBetween(1L, 600L);
        raiseUntilSent(restarted, transport);
        assertDelivered(transport);
    }

    @Test
    public void restoredSubscriptionIsListedWhileItsTransportIsMissing() throws Exception {
        ServiceRegistration<EventTransport> registration =
                register(EventTransport.class, new RecordingTransport(), EventTransport.SCHEME_PROPERTY, "test");
        evi.subscribe(EVENT, SOCKET, 600);
        registration.unregister();

        EventInterface restarted = restartCore();

        assertThat(onlySubscriber(restarted).socket()).isEqualTo(SOCKET);
        restarted.raise(RAISED);
        assertThat(onlySubscriber(restarted).undelivered()).isEqualTo(1);

        RecordingTransport returned = new RecordingTransport();
        register(EventTransport.class, returned, EventTransport.SCHEME_PROPERTY, "test");
        raiseUntilSent(restarted, returned);
        assertDelivered(returned);
    }

    /**
     * Raises until the transport gets a send: the core parses restored subscribers' addresses on its binder thread,
     * never on the raising one, and counts the raises before that as undelivered.
     */
    private static void raiseUntilSent(EventInterface evi, RecordingTransport transport) {
        Await.until("a send once the address is parsed", () -> {
            evi.raise(RAISED);
            return transport.pending() > 0;
        });
    }

    private EventInterface restartCore() throws Exception {
        Bundle core = Arrays.stream(context.getBundles())
                .filter(b -> "org.evi4j.core".equals(b.getSymbolicName()))
                .findFirst().orElseThrow(() -> new AssertionError("core bundle not installed"));
        core.stop();
        assertThat(context.getServiceReference(EventInterface.class)).as("EventInterface after stop").isNull();
        core.start();
        return Await.service(context, EventInterface.class, null);
    }

    private static SubscriberInfo onlySubscriber(EventInterface in) {
        List<SubscriberInfo> subscribers = in.subscribers(EVENT);
        assertThat(subscribers).hasSize(1);
        return subscribers.get(0);
    }

    private static void assertDelivered(RecordingTransport transport) throws InterruptedException {
        RecordingTransport.Sent sent = transport.next(WAIT_MILLIS);
        assertThat(sent).as("a send within %d ms", WAIT_MILLIS).isNotNull();
        assertThat(sent.address()).isEqualTo("one");
        assertThat(new String(sent.payload(), StandardCharsets.UTF_8))
                .isEqualTo(new String(ENCODED, StandardCharsets.UTF_8));
        assertThat(transport.pending()).as("exactly one send").isZero();
    }

    private <T> ServiceRegistration<T> register(Class<T> type, T service, String key, String value) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(key, value);
        return context.registerService(type, service, properties);
    }
}
