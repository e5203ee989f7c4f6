package org.evi4j.mi.datagram.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.evi4j.mi.datagram.internal.MiTestSupport.config;

import org.junit.jupiter.api.Test;

class CommandPolicyTest {

    @Test
    void aSocketConfiguredTheOpenSipsWayServesEveryCommand() {
        CommandPolicy policy = ServerSettings.of(config("socket_name", "/tmp/mi.sock")).commands();
        assertThat(policy.restricts()).isFalse();
        assertThat(policy.allows("event_subscribe")).isTrue();
        assertThat(policy).hasToString("every command");
    }

    @Test
    void readOnlyServesOnlyCommandsThatChangeNothing() {
        CommandPolicy policy = ServerSettings.of(config("socket_name", "/tmp/mi.sock", "read_only", true)).commands();
        assertThat(policy.restricts()).isTrue();
        for (String command : new String[] {"which", "help", "version", "uptime", "ps", "events_list",
            "subscribers_list", "get_statistics", "list_statistics"}) {
            assertThat(policy.allows(command)).as(command).isTrue();
        }
        for (String command : new String[] {"event_subscribe", "raise_event", "reset_statistics", "pwd", "arg"}) {
            assertThat(policy.allows(command)).as(command).isFalse();
        }
    }

    @Test
    void allowedCommandsFromACfgLineAreSplitOnCommasAndNarrowedByReadOnly() {
        CommandPolicy listed = ServerSettings.of(config("socket_name", "/tmp/mi.sock",
                "allowed_commands", "version, event_subscribe")).commands();
        assertThat(listed.allows("event_subscribe")).isTrue();
        assertThat(listed.allows("version")).isTrue();
        assertThat(listed.allows("which")).isFalse();
        assertThat(listed).hasToString("event_subscribe, version");

        CommandPolicy both = CommandPolicy.of(new String[] {"version", "event_subscribe"}, true);
        assertThat(both.allows("version")).isTrue();
        assertThat(both.allows("event_subscribe")).isFalse();
        assertThat(both).hasToString("read-only: version");
    }
}
