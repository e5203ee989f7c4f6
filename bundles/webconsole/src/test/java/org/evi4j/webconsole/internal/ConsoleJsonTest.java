package org.evi4j.webconsole.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.evi4j.api.Event;
import org.junit.jupiter.api.Test;

class ConsoleJsonTest {

    @Test
    void theTailCarriesHostileTextAsJsonStringsOnOneLine() {
        EventRing ring = new EventRing(4);
        ring.add(Event.builder("E_X").param("note", "<img src=x onerror=\"alert(1)\">\nnext").param("n", 7)
                .nullParam("none").build(), 5);
        String json = new String(new ConsoleJson().tail(ring.since(0, 10)), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"skipped\":0,\"events\":[{\"seq\":0,\"time\":5,\"name\":\"E_X\",\"params\":["
                + "{\"name\":\"note\",\"value\":\"<img src=x onerror=\\\"alert(1)\\\">\\nnext\"},"
                + "{\"name\":\"n\",\"value\":7},{\"name\":\"none\",\"value\":null}]}]}");
    }

    @Test
    void withoutAnEventInterfaceTheStateSaysSo() {
        String json = new String(new ConsoleJson().state(1, null, List.of()), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"time\":1,\"core\":false,\"events\":[],\"sockets\":[]}");
    }
}
