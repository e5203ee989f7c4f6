package org.evi4j.evimi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.evi4j.evimi.internal.TestJson.json;

import java.util.List;

import org.evi4j.api.Event;
import org.evi4j.api.EventParam;
import org.evi4j.mi.MiException;
import org.evi4j.mi.MiResponse;
import org.evi4j.mi.MiValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RaiseEventCommandTest {

    private static final List<String> EVENT = List.of("event");
    private static final List<String> WITH_PARAMS = List.of("event", "params");

    private final TestEventInterface evi = new TestEventInterface();
    private final RaiseEventCommand command = new RaiseEventCommand(evi);

    @BeforeEach
    void setUp() {
        evi.publish("E_A");
        evi.publish("E_EMPTY");
        evi.subscribe("E_A", "udp:127.0.0.1:9", 10);
        evi.subscribe("E_A", "unix:/tmp/a.sock;encoder=legacy", 20);
    }

    @Test
    void describesItselfAsOpenSips() {
        assertThat(command.recipes()).containsExactly(EVENT, WITH_PARAMS);
        assertThat(command.help()).isEqualTo("raises an event through the Event Interface; Params: event [ params ]");
    }

    @Test
    void raisesToEveryLiveSubscriber() throws MiException {
        MiResponse response = command.execute(TestParams.of(WITH_PARAMS, "E_A",
                MiValue.arrayBuilder().add("a").add(MiValue.of(1)).add("b c").build()));

        assertThat(json(response.result())).isEqualTo("\"OK\"");
        assertThat(response.legacy()).isEmpty();
        Event expected = Event.of("E_A", EventParam.of(null, "a"), EventParam.of(null, "1"),
                EventParam.of(null, "b c"));
        assertThat(evi.drainDeliveries()).containsExactly(
                new TestEventInterface.Delivery("unix:/tmp/a.sock", "legacy", expected),
                new TestEventInterface.Delivery("udp:127.0.0.1:9", "jsonrpc", expected));
    }

    @Test
    void raisesWithoutParams() throws MiException {
        command.execute(TestParams.of(EVENT, "E_A"));

        assertThat(evi.drainDeliveries()).extracting(TestEventInterface.Delivery::event)
                .containsOnly(Event.of("E_A"));
    }

    @Test
    void answersEventNotRegistered() {
        MiException e = catchThrowableOfType(MiException.class,
                () -> command.execute(TestParams.of(EVENT, "E_NOPE")));

        assertThat(e.code()).isEqualTo(404);
        assertThat(e.getMessage()).isEqualTo("Event not registered");
    }

    @Test
    void answersTemporarilyUnavailableBeforeLookingAtTheParams() {
        MiException e = catchThrowableOfType(MiException.class,
                () -> command.execute(TestParams.of(WITH_PARAMS, "E_EMPTY", "notjson")));

        assertThat(e.code()).isEqualTo(480);
        assertThat(e.getMessage()).isEqualTo("Temporarily Unavailable");
        assertThat(evi.drainDeliveries()).isEmpty();
    }

    @Test
    void answersTemporarilyUnavailableOnceEverySubscriberLapsed() {
        evi.advance(20);

        MiException e = catchThrowableOfType(MiException.class, () -> command.execute(TestParams.of(EVENT, "E_A")));

        assertThat(e.code()).isEqualTo(480);
    }

    @Test
    void answersBadParamsAndRaisesNothing() {
        MiException e = catchThrowableOfType(MiException.class,
                () -> command.execute(TestParams.of(WITH_PARAMS, "E_A", "[1,2]")));

        assertThat(e.code()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("Bad Params");
        assertThat(e.legacyReason()).isEqualTo("Bad Params");
        assertThat(evi.drainDeliveries()).isEmpty();
    }

    @Test
    void refusesAnEmptyEventName() {
        MiException e = catchThrowableOfType(MiException.class, () -> command.execute(TestParams.of(EVENT, "")));

        assertThat(e.data()).isEqualTo("Bad type for parameter 'event'");
    }
}
