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

class SubscribersListCommandTest {

    private static final List<String> NONE = List.of();
    private static final List<String> EVENT = List.of("event");
    private static final List<String> BOTH = List.of("event", "socket");

    private final TestEventInterface evi = new TestEventInterface();
    private final SubscribersListCommand command = new SubscribersListCommand(evi);

    @BeforeEach
    void setUp() {
        evi.publish("E_A");
        evi.publish("E_EMPTY");
        evi.publish("E_B");
        evi.subscribe("E_A", "udp:127.0.0.1:9", 3600);
        evi.subscribe("E_A", "/tmp/a.sock", 60);
        evi.subscribe("E_B", "udp:[::1]:8081;encoder=legacy", 120);
    }

    @Test
    void describesItselfAsOpenSips() {
        assertThat(command.recipes())
                .containsExactly(NONE, EVENT, BOTH, List.of("event", "offset", "limit"));
        assertThat(command.help()).isEqualTo("lists all the Event Interface subscribers; Params: [ event [ subscriber ]]");
    }

    @Test
    void listsEveryEventWithSubscribersNewestFirst() throws MiException {
        evi.advance(10);

        MiResponse response = command.execute(TestParams.of(NONE));

        assertThat(json(response.result())).isEqualTo("{\"Events\":["
                + "{\"name\":\"E_A\",\"id\":0,\"Subscribers\":["
                + "{\"socket\":\"unix:/tmp/a.sock\",\"expire\":60,\"ttl\":50},"
                + "{\"socket\":\"udp:127.0.0.1:9\",\"expire\":3600,\"ttl\":3590}]},"
                + "{\"name\":\"E_B\",\"id\":2,\"Subscribers\":["
                + "{\"socket\":\"udp:[::1]:8081;encoder=legacy\",\"expire\":120,\"ttl\":110}]}]}");
        assertThat(VectorDispatcher.render(response.legacy(), "\t")).isEqualTo(
                "Event:: E_A id=0\n"
                + "\tSubscriber::  socket=unix:/tmp/a.sock expire=60\n"
                + "\tSubscriber::  socket=udp:127.0.0.1:9 expire=3600\n"
                + "Event:: E_B id=2\n"
                + "\tSubscriber::  socket=udp:[::1]:8081;encoder=legacy expire=120\n");
    }

    @Test
    void leavesOutLapsedSubscribers() throws MiException {
        evi.advance(60);

        assertThat(json(command.execute(TestParams.of(EVENT, "E_A")).result())).isEqualTo(
                "{\"Event\":{\"name\":\"E_A\",\"id\":0,\"Subscribers\":["
                + "{\"socket\":\"udp:127.0.0.1:9\",\"expire\":3600,\"ttl\":3540}]}}");
    }

    @Test
    void listsOneEvent() throws MiException {
        MiResponse response = command.execute(TestParams.of(EVENT, "E_B"));

        assertThat(json(response.result())).isEqualTo("{\"Event\":{\"name\":\"E_B\",\"id\":2,\"Subscribers\":["
                + "{\"socket\":\"udp:[::1]:8081;encoder=legacy\",\"expire\":120,\"ttl\":120}]}}");
        assertThat(VectorDispatcher.render(response.legacy(), "  "))
                .isEqualTo("Event:: E_B id=2\n  Subscriber::  socket=udp:[::1]:8081;encoder=legacy expire=120\n");
    }

    @Test
    void showsAnEmptyEventObjectAndNoLineForAnEventWithoutSubscribers() throws MiException {
        MiResponse response = command.execute(TestParams.of(EVENT, "E_EMPTY"));

        assertThat(json(response.result())).isEqualTo("{\"Event\":{}}");
        assertThat(response.legacy()).isEmpty();
    }

    @Test
    void listsOneSubscriberFoundByItsAddress() throws MiException {
        MiResponse response = command.execute(TestParams.of(BOTH, "E_A", "unix:/tmp/a.sock"));

        assertThat(json(response.result())).isEqualTo("{\"Event\":{\"name\":\"E_A\",\"id\":0,\"Subscriber\":"
                + "{\"socket\":\"unix:/tmp/a.sock\",\"expire\":60,\"ttl\":60}}}");
        assertThat(VectorDispatcher.render(response.legacy(), "\t"))
                .isEqualTo("Event:: E_A id=0\n\tSubscriber::  socket=unix:/tmp/a.sock expire=60\n");
    }

    @Test
    void answersEventNotPublished() {
        for (TestParams params : List.of(TestParams.of(EVENT, "E_NOPE"), TestParams.of(BOTH, "E_NOPE", "nosuch"))) {
            MiException e = catchThrowableOfType(MiException.class, () -> command.execute(params));
            assertThat(e.code()).isEqualTo(404);
            assertThat(e.getMessage()).isEqualTo("Event not published");
            assertThat(e.legacyReason()).isEqualTo("Event not published");
        }
    }

    @Test
    void answersSubscriberDoesNotExistAlsoForSocketsThatDoNotParse() {
        for (String socket : List.of("udp:127.0.0.1:1", "nosuch:1.2.3.4:5", "udp:127.0.0.1:0")) {
            MiException e = catchThrowableOfType(MiException.class,
                    () -> command.execute(TestParams.of(BOTH, "E_A", socket)));
            assertThat(e.code()).isEqualTo(404);
            assertThat(e.getMessage()).isEqualTo("Subscriber does not exist");
        }
    }

    @Test
    void writesTtlExpiredWhenNoTimeIsLeft() {
        SubscriberInfo lapsed = new SubscriberInfo("udp:127.0.0.1:9", "jsonrpc", 5, 0, 0, 0, 0, 0, null);
        SubscriberInfo live = new SubscriberInfo("udp:127.0.0.1:9", "jsonrpc", 5, 1, 0, 0, 0, 0, null);

        assertThat(json(SubscriberListing.subscriber(lapsed)))
                .isEqualTo("{\"socket\":\"udp:127.0.0.1:9\",\"expire\":5,\"ttl\":\"expired\"}");
        assertThat(json(SubscriberListing.subscriber(live)))
                .isEqualTo("{\"socket\":\"udp:127.0.0.1:9\",\"expire\":5,\"ttl\":1}");
    }
}
