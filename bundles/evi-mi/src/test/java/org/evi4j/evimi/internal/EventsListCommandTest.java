package org.evi4j.evimi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evi4j.evimi.internal.TestJson.json;

import java.util.List;

import org.evi4j.mi.MiResponse;
import org.junit.jupiter.api.Test;

class EventsListCommandTest {

    private final TestEventInterface evi = new TestEventInterface();
    private final EventsListCommand command = new EventsListCommand(evi);

    @Test
    void describesItselfAsOpenSips() {
        assertThat(command.recipes()).containsExactly(List.of());
        assertThat(command.help()).isEqualTo("lists all the events advertised through the Event Interface");
    }

    @Test
    void listsEveryEventInIdOrder() {
        evi.publish("E_CORE_THRESHOLD");
        evi.publish("E_TEST \"quoted\"");
        evi.publish("E_CORE_THRESHOLD");

        MiResponse response = command.execute(TestParams.of(List.of()));

        assertThat(json(response.result())).isEqualTo(
                "{\"Events\":[{\"name\":\"E_CORE_THRESHOLD\",\"id\":0},{\"name\":\"E_TEST \\\"quoted\\\"\",\"id\":1}]}");
        assertThat(VectorDispatcher.render(response.legacy(), "\t"))
                .isEqualTo("Event:: E_CORE_THRESHOLD id=0\nEvent:: E_TEST \"quoted\" id=1\n");
    }

    @Test
    void listsNothingWhenNothingIsPublished() {
        MiResponse response = command.execute(TestParams.of(List.of()));

        assertThat(json(response.result())).isEqualTo("{\"Events\":[]}");
        assertThat(response.legacy()).isEmpty();
    }
}
