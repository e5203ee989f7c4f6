package org.evi4j.evimi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.evi4j.evimi.internal.TestJson.json;

import java.util.List;

import org.evi4j.api.SubscriberInfo;
import org.evi4j.mi.MiException;
import org.evi4j.mi.MiResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventSubscribeCommandTest {

    private static final List<String> TWO = List.of("event", "socket");
    private static final List<String> THREE = List.of("event", "socket", "expire");

    private final TestEventInterface evi = new TestEventInterface();
    private final EventSubscribeCommand command = new EventSubscribeCommand(evi);

    @BeforeEach
    void publish() {
        evi.publish("E_A");
    }

    @Test
    void describesItselfAsOpenSips() {
        assertThat(command.recipes()).containsExactly(TWO, THREE);
        assertThat(command.help()).isEqualTo("subscribes an event to the Event Interface");
        assertThat(command.exportedBy()).isEqualTo("core");
    }

    @Test
    void subscribesWithTheDefaultExpire() throws MiException {
        MiResponse response = command.execute(TestParams.of(TWO, "E_A", "udp:127.0.0.1:9"));

        assertThat(json(response.result())).isEqualTo("\"OK\"");
        assertThat(response.legacy()).isEmpty();
        assertThat(evi.subscribers("E_A")).extracting(SubscriberInfo::socket, SubscriberInfo::expire)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("udp:127.0.0.1:9", 3600));
    }

    @Test
    void takesTheExpireAsNumberOrNumericString() throws MiException {
        command.execute(TestParams.of(THREE, "E_A", "udp:127.0.0.1:9", 120));
        command.execute(TestParams.of(THREE, "E_A", "unix:/tmp/x.sock", "77"));

        assertThat(evi.subscribers("E_A")).extracting(SubscriberInfo::expire).containsExactly(77, 120);
    }

    @Test
    void refreshesAndUnsubscribes() throws MiException {
        command.execute(TestParams.of(THREE, "E_A", "udp:127.0.0.1:9", 10));
        command.execute(TestParams.of(THREE, "E_A", "udp:127.0.0.1:9", 50));
        assertThat(evi.subscribers("E_A")).extracting(SubscriberInfo::expire).containsExactly(50);

        command.execute(TestParams.of(THREE, "E_A", "udp:127.0.0.1:9", 0));
        assertThat(evi.subscribers("E_A")).isEmpty();
    }

    @Test
    void refusesUnknownEventsAndBadSocketsAsBadParameterValue() {
        for (TestParams params : List.of(TestParams.of(TWO, "E_NOPE", "udp:127.0.0.1:9"),
                TestParams.of(TWO, "E_A", "nosuch:1.2.3.4:5"), TestParams.of(TWO, "E_A", "udp:127.0.0.1:0"),
                TestParams.of(TWO, "E_A", "udp:127.0.0.1:9;encoder=nosuch"))) {
            MiException e = catchThrowableOfType(MiException.class, () -> command.execute(params));
            assertThat(e.code()).isEqualTo(400);
            assertThat(e.getMessage()).isEqualTo("Bad parameter value");
            assertThat(e.data()).isNull();
            assertThat(e.legacyCode()).isEqualTo(400);
            assertThat(e.legacyReason()).isEqualTo("Bad parameter");
        }
        assertThat(evi.subscribers("E_A")).isEmpty();
    }

    @Test
    void refusesANegativeExpireBeforeLookingAtTheRest() {
        MiException e = catchThrowableOfType(MiException.class,
                () -> command.execute(TestParams.of(THREE, "", "udp:127.0.0.1:9", -5)));

        assertThat(e.code()).isEqualTo(-32602);
        assertThat(e.getMessage()).isEqualTo("Invalid params");
        assertThat(e.data()).isEqualTo("Negative expire value");
        assertThat(e.legacyReason()).isEqualTo("Bad parameter");
    }

    @Test
    void refusesAnExpireThatIsNoInteger() {
        MiException e = catchThrowableOfType(MiException.class,
                () -> command.execute(TestParams.of(THREE, "E_A", "udp:127.0.0.1:9", "abc")));

        assertThat(e.data()).isEqualTo("Bad type for parameter 'expire'");
        assertThat(e.legacyReason()).isEqualTo("Bad parameter");
    }

    @Test
    void refusesEmptyEventOrSocketAsBadTypeOrMissingArgument() {
        MiException event = catchThrowableOfType(MiException.class,
                () -> command.execute(TestParams.of(TWO, "", "udp:127.0.0.1:9")));
        MiException socket = catchThrowableOfType(MiException.class,
                () -> command.execute(TestParams.of(TWO, "E_A", "")));

        assertThat(event.code()).isEqualTo(-32602);
        assertThat(event.data()).isEqualTo("Bad type for parameter 'event'");
        assertThat(socket.data()).isEqualTo("Bad type for parameter 'socket'");
        assertThat(socket.legacyCode()).isEqualTo(400);
        assertThat(socket.legacyReason()).isEqualTo("Too few or too many arguments");
    }
}
