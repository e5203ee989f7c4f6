package org.evi4j.mi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.evi4j.mi.MiResponse;
import org.evi4j.mi.MiValue;
import org.junit.jupiter.api.Test;
import org.evi4j.mi.MiCommand;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/** Commands coming and going while the dispatcher runs. */
class WhiteboardTest {

    private final Harness h = Harness.withCoreCommands();

    private String which() {
        return h.call("{\"jsonrpc\":\"2.0\",\"method\":\"which\",\"id\":1}");
    }

    private String call(String method) {
        return h.call("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"id\":1}");
    }

    private static TestCommand answering(String answer) {
        return new TestCommand(List.of(List.of()), p -> MiResponse.of(MiValue.of(answer)));
    }

    @Test
    void commandsComeAndGoLive() {
        TestCommand cmd = answering("hi");
        ServiceReference<MiCommand> ref = h.register(cmd, "events_list", "evi:list");
        assertThat(which()).contains("\"reset_statistics\",\"events_list\"]").doesNotContain("evi:list");
        assertThat(call("evi:list")).contains("\"result\":\"hi\"");
        assertThat(call("events_list")).contains("\"result\":\"hi\"");
        h.unregister(ref);
        assertThat(which()).doesNotContain("events_list");
        assertThat(call("evi:list")).contains("-32601");
        assertThat(h.call(":events_list:\n")).isEqualTo("500 command not available\n");
    }

    @Test
    void aNameClaimedTwiceGoesToTheFirstAndPassesOnWhenItLeaves() {
        TestCommand first = answering("first");
        ServiceReference<MiCommand> ref = h.register(first, "dup");
        h.register(answering("second"), "dup", "other");
        assertThat(call("dup")).contains("\"first\"");
        assertThat(call("other")).contains("\"second\"");
        h.unregister(ref);
        assertThat(call("dup")).contains("\"second\"");
    }

    @Test
    void updatedPropertiesRenameTheCommand() {
        TestCommand cmd = answering("x");
        Map<String, Object> props = new HashMap<>();
        props.put(Constants.SERVICE_ID, 100L);
        props.put(MiCommand.NAME_PROPERTY, "before");
        ServiceReference<MiCommand> ref = h.register(cmd, props);
        assertThat(call("before")).contains("\"x\"");
        props.put(MiCommand.NAME_PROPERTY, List.of("after", "x:after"));
        h.dispatcher.updatedCommand(ref);
        assertThat(call("before")).contains("-32601");
        assertThat(call("x:after")).contains("\"x\"");
        assertThat(which()).contains("\"after\"").doesNotContain("before");
    }

    @Test
    void commandsWithoutNamesOrUsableRecipesAreNotCallable() {
        Map<String, Object> props = new HashMap<>();
        props.put(Constants.SERVICE_ID, 999L);
        h.register(answering("x"), props);
        h.register(new TestCommand(null, p -> MiResponse.ok()), "broken");
        h.register(new TestCommand(List.of(), p -> MiResponse.ok()), "norecipe");
        assertThat(h.dispatcher.commands()).hasSize(12);
        assertThat(call("broken")).contains("-32601");
        assertThat(h.call(":norecipe:\n")).isEqualTo("500 command not available\n");
    }

    @Test
    void servicesAreGotOnlyWhenFirstAskedForThenKept() {
        h.register(answering("lazy"), "lazy");
        assertThat(which()).contains("\"lazy\"");
        int before = h.located();
        assertThat(call("lazy")).contains("\"lazy\"");
        assertThat(call("lazy")).contains("\"lazy\"");
        assertThat(h.located()).isEqualTo(before + 1);
    }

    @Test
    void aServiceThatCannotBeHadIsNotFoundAndAskedForAgainLater() {
        Map<String, Object> props = new HashMap<>();
        props.put(Constants.SERVICE_ID, 500L);
        props.put(MiCommand.NAME_PROPERTY, "gone");
        h.dispatcher.bindCommand(Harness.reference(props));
        int before = h.located();
        assertThat(call("gone")).contains("-32601");
        assertThat(call("gone")).contains("-32601");
        assertThat(h.located()).isEqualTo(before + 2);
    }

    @Test
    void afterDeactivationNothingIsGot() {
        h.dispatcher.deactivate();
        assertThat(call("version")).contains("-32601");
    }
}
