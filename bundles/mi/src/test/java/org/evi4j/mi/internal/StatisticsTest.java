package org.evi4j.mi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.evi4j.api.Event;
import org.evi4j.testkit.InMemoryEventInterface;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** get_statistics, list_statistics and reset_statistics over the Event Interface's and the dispatcher's counters. */
class StatisticsTest {

    private final Harness h = new Harness();
    private final InMemoryEventInterface events = new InMemoryEventInterface();
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

    /**
     * E_A raised 10 times, its four subscribers joining along the way so that the sums differ: sent 8 (the last 4
     * confirmed: delivered 4), dropped 7, undelivered 5, failed 1. E_B raised 3 times, then gone between the listing
     * of the events and the lookup of its subscribers.
     */
    @BeforeEach
    void events() {
        events.publish("E_A");
        events.publish("E_B");
        raise("E_A", 2);
        subscribe("udp:127.0.0.1:1", 1);
        events.full("unix:/tmp/x");
        subscribe("unix:/tmp/x;encoder=legacy", 2);
        events.noTransport("udp:127.0.0.1:3");
        subscribe("udp:127.0.0.1:3", 1);
        events.confirming("udp:127.0.0.1:1");
        raise("E_A", 3);
        events.unreachable("udp:127.0.0.1:2");
        subscribe("udp:127.0.0.1:2", 1);
        raise("E_B", 3);
        events.vanished("E_B");
    }

    private void subscribe(String socket, int raisesAfter) {
        events.subscribe("E_A", socket);
        raise("E_A", raisesAfter);
    }

    private void raise(String event, int times) {
        for (int i = 0; i < times; i++) {
            events.raise(Event.of(event));
        }
    }

    private String call(String method, String params) {
        String reply = h.call("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\""
                + (params == null ? "" : ",\"params\":" + params) + ",\"id\":1}");
        return reply.substring(17, reply.length() - 8);
    }

    @Test
    void eviGroupSumsEventsAndSubscribers() {
        assertThat(call("get_statistics", "[[\"evi:\"]]")).isEqualTo("\"result\":{\"evi:events_raised\":13,"
                + "\"evi:subscribers\":4,\"evi:sent\":8,\"evi:delivered\":4,\"evi:failed\":1,\"evi:dropped\":7,"
                + "\"evi:undelivered\":5,\"evi:raised_E_A\":10,\"evi:raised_E_B\":3}");
    }

    @Test
    void namesGroupsAndAll() {
        assertThat(call("statistics:get", "{\"statistics\":[\"evi:raised_E_B\",\"sent\",\"evi:sent\"]}"))
                .isEqualTo("\"result\":{\"evi:raised_E_B\":3,\"evi:sent\":8}");
        assertThat(call("get_statistics", "[[\"all\"]]")).contains("\"evi:sent\":8").contains("\"mi:requests\":");
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
        assertThat(h.call(":get_statistics:\nevi:raised_E_A\n")).isEqualTo("200 OK\nevi:raised_E_A = 10\n\n");
        assertThat(h.call(":get_statistics:\nnope\n")).isEqualTo("404 Statistics Not Found\n\n");
    }

    @Test
    void listGivesTypes() {
        assertThat(call("list_statistics", "[[\"evi:subscribers\",\"mi:errors\"]]"))
                .isEqualTo("\"result\":{\"evi:subscribers\":\"non-incremental\",\"mi:errors\":\"incremental\"}");
        assertThat(call("list_statistics", "[[\"evi:delivered\"]]"))
                .isEqualTo("\"result\":{\"evi:delivered\":\"incremental\"}");
        assertThat(call("list_statistics", null)).contains("\"evi:raised_E_A\":\"incremental\"");
    }

    @Test
    void resetZeroesMiCountersAndAsksTheEventInterface() {
        h.call("garbage");
        assertThat(call("reset_statistics", "[[\"mi:parse_errors\"]]")).isEqualTo("\"result\":\"OK\"");
        assertThat(call("get_statistics", "[[\"mi:parse_errors\",\"mi:errors\",\"evi:sent\"]]"))
                .isEqualTo("\"result\":{\"mi:parse_errors\":0,\"mi:errors\":1,\"evi:sent\":8}");
        assertThat(call("reset_statistics", "[[\"evi:sent\"]]")).isEqualTo("\"result\":\"OK\"");
        assertThat(call("get_statistics", "[[\"evi:sent\",\"evi:delivered\",\"evi:raised_E_A\","
                + "\"evi:subscribers\"]]")).isEqualTo("\"result\":{\"evi:sent\":0,\"evi:delivered\":0,"
                + "\"evi:raised_E_A\":0,\"evi:subscribers\":4}");
        assertThat(call("reset_statistics", "[[\"nope\"]]")).contains("Statistics Not Found");
    }
}
