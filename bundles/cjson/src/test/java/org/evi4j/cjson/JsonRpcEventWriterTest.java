package org.evi4j.cjson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.evi4j.api.Event;
import org.junit.jupiter.api.Test;

/** The event_stream additions to the notification: a method of its own, a leading id, the event-name parameter. */
class JsonRpcEventWriterTest {

    private final JsonRpcEventWriter writer = new JsonRpcEventWriter(CJson.factory());

    private String write(Event event, String method, int id, String eventParam) throws IOException {
        return new String(writer.write(event, method, id, eventParam), StandardCharsets.UTF_8);
    }

    @Test
    void notificationIsTheEncodersBytes() throws IOException {
        Event e = Event.builder("E_A").param("k", "v").param("n", 1).build();
        assertThat(new String(writer.write(e), StandardCharsets.UTF_8))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"E_A\",\"params\":{\"k\":\"v\",\"n\":1}}");
    }

    @Test
    void idFirstMethodReplacedEventParamFirst() throws IOException {
        Event named = Event.builder("E_A").param("k", "v").build();
        assertThat(write(named, "m/x y", 7, "event")).isEqualTo(
                "{\"id\":7,\"jsonrpc\":\"2.0\",\"method\":\"m/x y\",\"params\":{\"event\":\"E_A\",\"k\":\"v\"}}");
        Event unnamed = Event.builder("E_B").param(null, "a").param(null, 1).build();
        assertThat(write(unnamed, "E_B", 0, "event"))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"E_B\",\"params\":[\"E_B\",\"a\",1]}");
        assertThat(write(Event.of("E_C"), "E_C", 3, "event")).as("no params: no event parameter either")
                .isEqualTo("{\"id\":3,\"jsonrpc\":\"2.0\",\"method\":\"E_C\"}");
    }

    @Test
    void oneWriterWritesEventAfterEventWithNothingLeftOver() throws IOException {
        write(Event.builder("E_A").param("k", "v").build(), "m", 1, "p");
        assertThat(write(Event.of("E_C"), "E_C", 0, null)).isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"E_C\"}");
    }
}
