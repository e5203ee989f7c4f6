package org.evi4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.evi4j.api.Event;
import org.evi4j.api.EventInterface;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.spi.Destination;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.OutgoingEvent;
import org.evi4j.spi.SendResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SPI 1.2 contract: a transport may shape bytes per subscriber from the event, or take the shared payload. */
class OutgoingEventTest {

    private static final Event E_A = Event.builder("E_A").param("k", "v").build();
    private final Fixture f = new Fixture();
    private final ShapingTransport shaping = new ShapingTransport();

    @BeforeEach
    void setUp() {
        f.transports.add(shaping, f.props(EventTransport.SCHEME_PROPERTY, "shape", 0));
        f.engine.publish("E_A");
    }

    @Test
    void aTransportThatBuildsItsOwnBytesNeverHasTheEventEncoded() {
        f.engine.subscribe("E_A", "shape:own1");
        f.engine.subscribe("E_A", "shape:own2");
        assertThat(f.engine.raise(E_A)).isEqualTo(2);
        assertThat(f.json.calls.get()).isZero();
        assertThat(shaping.lines).containsExactly("own2 E_A jsonrpc", "own1 E_A jsonrpc");
        assertThat(info("shape:own1").sent()).isEqualTo(1);
    }

    @Test
    void payloadIsEncodedOnceAndSharedWithPlainTransports() {
        f.engine.subscribe("E_A", "shape:p1");
        f.engine.subscribe("E_A", "udp:127.0.0.1:1");
        f.engine.subscribe("E_A", "shape:own");
        f.engine.subscribe("E_A", "shape:p2");
        f.engine.raise(E_A);
        assertThat(f.json.calls.get()).isEqualTo(1);
        assertThat(shaping.lines).containsExactly("p2 jsonrpc:E_A", "own E_A jsonrpc", "p1 jsonrpc:E_A");
        assertThat(f.udp.texts("127.0.0.1:1")).containsExactly("jsonrpc:E_A");
    }

    @Test
    void payloadPositionIsResetForEveryCaller() {
        f.engine.subscribe("E_A", "shape:p1");
        f.engine.subscribe("E_A", "shape:p2");
        shaping.consume = true;
        f.engine.raise(E_A);
        assertThat(shaping.lines).containsExactly("p2 jsonrpc:E_A", "p1 jsonrpc:E_A");
    }

    @Test
    void missingEncoderCountsAsUndeliveredOnlyForTransportsThatAskForTheBytes() {
        f.engine.subscribe("E_A", "shape:p1");
        f.engine.subscribe("E_A", "shape:own");
        f.encoders.remove(f.json);
        f.engine.raise(E_A);
        assertThat(shaping.lines).containsExactly("own E_A jsonrpc");
        assertThat(info("shape:p1").undelivered()).isEqualTo(1);
        assertThat(info("shape:p1").lastError()).isEqualTo("no encoder jsonrpc");
        assertThat(info("shape:own").sent()).isEqualTo(1);
    }

    @Test
    void oversizeAndFailingEncoderAreCountedAsBefore() {
        f.engine.subscribe("E_A", "shape:p1");
        f.json.size = EventInterface.MAX_DATAGRAM + 1;
        f.engine.raise(E_A);
        assertThat(info("shape:p1").dropped()).isEqualTo(1);
        assertThat(info("shape:p1").lastError()).contains("65458 bytes");
        f.json.size = -1;
        f.json.failure = new IllegalStateException("boom");
        f.engine.raise(E_A);
        assertThat(info("shape:p1").failed()).isEqualTo(1);
        assertThat(info("shape:p1").lastError()).isEqualTo("encoder jsonrpc failed");
        assertThat(shaping.lines).isEmpty();
    }

    @Test
    void aRaiseInsideASendDoesNotDisturbTheOuterEvent() {
        f.engine.publish("E_B");
        f.engine.subscribe("E_A", "shape:p1");
        f.engine.subscribe("E_B", "shape:p2");
        shaping.inside = () -> f.engine.raise(Event.of("E_B"));
        f.engine.raise(E_A);
        assertThat(shaping.lines).containsExactly("p2 jsonrpc:E_B", "p1 jsonrpc:E_A");
        shaping.inside = null;
        f.engine.raise(E_A);
        assertThat(shaping.lines).endsWith("p1 jsonrpc:E_A");
    }

    private SubscriberInfo info(String socket) {
        return f.engine.subscriber("E_A", socket).orElseThrow();
    }

    /** Addresses starting with {@code own} get a line built from the event; the others get the encoder's bytes. */
    private static final class ShapingTransport implements EventTransport {

        final List<String> lines = new CopyOnWriteArrayList<>();
        volatile boolean consume;
        volatile Runnable inside;

        @Override
        public Destination parse(String address) {
            return () -> address;
        }

        @Override
        public SendResult send(Destination destination, ByteBuffer payload) {
            throw new AssertionError("the core calls send(Destination, OutgoingEvent)");
        }

        @Override
        public SendResult send(Destination destination, OutgoingEvent outgoing) {
            String address = destination.address();
            if (address.startsWith("own")) {
                lines.add(address + " " + outgoing.event().name() + " " + outgoing.encoder());
                return SendResult.SENT;
            }
            Runnable nested = inside;
            if (nested != null) {
                inside = null;
                nested.run();
            }
            ByteBuffer payload = outgoing.payload();
            lines.add(address + " " + StandardCharsets.UTF_8.decode(consume ? payload : payload.duplicate()));
            return SendResult.SENT;
        }
    }
}
