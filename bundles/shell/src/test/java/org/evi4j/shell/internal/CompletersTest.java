package org.evi4j.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.console.CommandLine;
import org.evi4j.testkit.InMemoryEventInterface;
import org.junit.jupiter.api.Test;

class CompletersTest {

    private final InMemoryEventInterface evi = new InMemoryEventInterface();

    /** The command line {@code evi:raise <typed>} with the cursor at the end. */
    private static CommandLine typed(String typed) {
        String buffer = "evi:raise " + typed;
        return new CommandLine() {
            @Override
            public int getCursorArgumentIndex() {
                return 1;
            }

            @Override
            public String getCursorArgument() {
                return typed;
            }

            @Override
            public int getArgumentPosition() {
                return typed.length();
            }

            @Override
            public String[] getArguments() {
                return new String[] {"evi:raise", typed};
            }

            @Override
            public int getBufferPosition() {
                return buffer.length();
            }

            @Override
            public String getBuffer() {
                return buffer;
            }
        };
    }

    @Test
    void eventNamesArePublishedOnesMatchingWhatIsTyped() {
        EventNameCompleter completer = new EventNameCompleter();
        completer.evi = evi;
        evi.publish("E_PIKE_BLOCKED");
        evi.publish("E_PIKE_UNBLOCKED");
        evi.publish("E_CORE_THRESHOLD");
        List<String> candidates = new ArrayList<>();

        completer.complete(null, typed("E_PI"), candidates);

        assertThat(candidates).map(String::strip).containsExactlyInAnyOrder("E_PIKE_BLOCKED", "E_PIKE_UNBLOCKED");
    }

    @Test
    void eventsPublishedLaterAreCompletedToo() {
        EventNameCompleter completer = new EventNameCompleter();
        completer.evi = evi;
        List<String> before = new ArrayList<>();
        completer.complete(null, typed("E_"), before);
        evi.publish("E_LATE");
        List<String> after = new ArrayList<>();

        completer.complete(null, typed("E_"), after);

        assertThat(before).isEmpty();
        assertThat(after).map(String::strip).containsExactly("E_LATE");
    }

    @Test
    void miCommandNamesComeFromTheDispatcher() {
        MiCommandCompleter completer = new MiCommandCompleter();
        completer.dispatcher = new FakeMiDispatcher(evi);
        List<String> candidates = new ArrayList<>();

        completer.complete(null, typed("ev"), candidates);

        assertThat(candidates).map(String::strip).containsExactlyInAnyOrder("events_list", "event_subscribe");
    }
}
