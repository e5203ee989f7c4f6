package org.evi4j.mi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.evi4j.api.Event;
import org.evi4j.api.EventInfo;
import org.evi4j.api.EventInterface;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.api.UnknownEventException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** get_statistics, list_statistics and reset_statistics over the Event Interface's and the dispatcher's counters. */
class StatisticsTest {

    private final Harness h = new Harness();
    private final FakeEvents events = new FakeEvents();
    private final GetStatisticsCommand get = new GetStatisticsCommand(h.dispatcher);
    private final ListStatisticsCommand list = new ListStatisticsCommand(h.dispatcher);
    private final ResetStatisticsCommand reset = new ResetStatisticsCommand(h.dispatcher);

    @BeforeEach
    void commands() {
        h.register(get, "get_statistics", "statistics:get");
        h.register(list, "list_statistics", "statistics:list");
        h.register(reset, "reset_statistics", "statistics:reset");
        get.events = events;
        list.events = events;
        reset.events = events;
    }

    private String call(String method, String params) {
        String reply = h.call("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\""
                + (params == null ? "" : ",\"params\":" + params) + ",\"id\":1}");
        return reply.substring(17, reply.length() - 8);
    }

    @Test
    void eviGroupSumsEventsAndSubscribers() {
        assertThat(call("get_statistics", "[[\"evi:\"]]")).isEqualTo("\"result\":{\"evi:events_raised\":5,"
                + "\"evi:subscribers\":2,\"evi:sent\":11,\"evi:failed\":2,\"evi:dropped\":3,\"evi:undelivered\":4,"
                + "\"evi:raised_E_A\":2,\"evi:raised_E_B\":3}");
    }

    @Test
    void namesGroupsAndAll() {
        assertThat(call("statistics:get", "{\"statistics\":[\"evi:raised_E_B\",\"sent\",\"evi:sent\"]}"))
                .isEqualTo("\"result\":{\"evi:raised_E_B\":3,\"evi:sent\":11}");
        assertThat(call("get_statistics", "[[\"all\"]]")).contains("\"evi:sent\":11").contains("\"mi:requests\":");
        assertThat(call("get_statistics", "[[\"nosuch\",\"x:\"]]"))
                .isEqualTo("\"error\":{\"code\":404,\"message\":\"Statistics Not Found\"}");
        assertThat(call("get_statistics", "[5]")).contains("Bad type for parameter 'statistics'");
        assertThat(call("get_statistics", "[[5]]")).contains("Bad type for array item in parameter 'statistics'");
        assertThat(call("get_statistics", "[[]]")).contains("Empty array in parameter 'statistics'");
    }

    @Test
    void miCountersCountRequestsErrorsAndNotifications() {
        h.call("garbage");
        h.call("{\"jsonrpc\":\"2.0\",\"method\":\"nosuch\"}");
        h.call(":x:\n");
        assertThat(call("get_statistics", "[[\"mi:\"]]")).isEqualTo("\"result\":{\"mi:requests\":4,\"mi:errors\":3,"
                + "\"mi:parse_errors\":1,\"mi:notifications\":1}");
    }

    @Test
    void withoutTheEventInterfaceOnlyMiIsThere() {
        get.events = null;
        assertThat(call("get_statistics", "[[\"all\"]]")).doesNotContain("evi:").contains("\"mi:requests\":1");
    }

    @Test
    void legacyLinesAreNameEqualsValue() {
        assertThat(h.call(":get_statistics:\nevi:raised_E_A\n")).isEqualTo("200 OK\nevi:raised_E_A = 2\n\n");
        assertThat(h.call(":get_statistics:\nnope\n")).isEqualTo("404 Statistics Not Found\n\n");
    }

    @Test
    void listGivesTypes() {
        assertThat(call("list_statistics", "[[\"evi:subscribers\",\"mi:errors\"]]"))
                .isEqualTo("\"result\":{\"evi:subscribers\":\"non-incremental\",\"mi:errors\":\"incremental\"}");
        assertThat(call("list_statistics", null)).contains("\"evi:raised_E_A\":\"incremental\"");
    }

    @Test
    void resetZeroesMiCountersAndAsksTheEventInterface() {
        h.call("garbage");
        assertThat(call("reset_statistics", "[[\"mi:parse_errors\"]]")).isEqualTo("\"result\":\"OK\"");
        assertThat(events.resets).isZero();
        assertThat(call("get_statistics", "[[\"mi:parse_errors\",\"mi:errors\"]]"))
                .isEqualTo("\"result\":{\"mi:parse_errors\":0,\"mi:errors\":1}");
        assertThat(call("reset_statistics", "[[\"evi:sent\"]]")).isEqualTo("\"result\":\"OK\"");
        assertThat(events.resets).isEqualTo(1);
        assertThat(call("reset_statistics", "[[\"nope\"]]")).contains("Statistics Not Found");
    }

    /** Two events; E_A with two subscribers, E_B with none, E_GONE unpublished between the calls. */
    private static final class FakeEvents implements EventInterface {
        int resets;

        @Override
        public List<EventInfo> events() {
            return List.of(new EventInfo("E_A", 0, 2), new EventInfo("E_B", 1, 3));
        }

        @Override
        public List<SubscriberInfo> subscribers(String event) {
            if (event.equals("E_B")) {
                throw new UnknownEventException("E_B");
            }
            return List.of(new SubscriberInfo("udp:127.0.0.1:1", "jsonrpc", 60, 30, 10, 2, 1, 4, null),
                    new SubscriberInfo("unix:/tmp/x", "legacy", 60, 30, 1, 0, 2, 0, "boom"));
        }

        @Override
        public void resetStatistics() {
            resets++;
        }

        @Override
        public int publish(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<EventInfo> event(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean hasSubscribers(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int raise(Event event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void subscribe(String event, String socket, int expire) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void subscribe(String event, String socket) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean unsubscribe(String event, String socket) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<SubscriberInfo> subscriber(String event, String socket) {
            throw new UnsupportedOperationException();
        }
    }
}
