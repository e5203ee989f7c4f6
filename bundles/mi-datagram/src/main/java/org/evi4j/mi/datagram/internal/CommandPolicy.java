package org.evi4j.mi.datagram.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.evi4j.support.net.Networks;

/**
 * Which MI commands one socket serves: {@code allowed_commands} (empty = every command) and, with {@code read_only},
 * only commands that change nothing. A socket configured the OpenSIPS way (neither set) serves every command, as
 * OpenSIPS's does. Commands are named as {@code which} lists them; an alias is judged by that name.
 */
final class CommandPolicy {

    /**
     * The commands of a read-only socket: they report and change nothing. Left out on purpose: {@code pwd} and
     * {@code arg} (they tell the process's folder and command line), {@code reset_statistics}, and everything that
     * subscribes, raises or otherwise acts.
     */
    static final Set<String> READ_ONLY = Set.of("which", "help", "version", "uptime", "ps", "events_list",
            "subscribers_list", "get_statistics", "list_statistics");

    /** Every command. */
    static final CommandPolicy ALL = new CommandPolicy(null, false);

    private final Set<String> listed;
    private final boolean readOnly;

    private CommandPolicy(Set<String> listed, boolean readOnly) {
        this.listed = listed;
        this.readOnly = readOnly;
    }

    /** @param allowedCommands names, each value possibly comma-separated (a {@code .cfg} line); none = every one */
    static CommandPolicy of(String[] allowedCommands, boolean readOnly) {
        List<String> names = Networks.split(allowedCommands);
        if (names.isEmpty() && !readOnly) {
            return ALL;
        }
        return new CommandPolicy(names.isEmpty() ? null : Set.copyOf(names), readOnly);
    }

    /** Whether some command is refused: the server then asks the dispatcher to check each. */
    boolean restricts() {
        return listed != null || readOnly;
    }

    boolean allows(String command) {
        return (listed == null || listed.contains(command)) && (!readOnly || READ_ONLY.contains(command));
    }

    @Override
    public String toString() {
        if (!restricts()) {
            return "every command";
        }
        Set<String> shown = new TreeSet<>(listed == null ? READ_ONLY : listed);
        if (readOnly) {
            shown.retainAll(READ_ONLY);
        }
        return (readOnly ? "read-only: " : "") + String.join(", ", shown);
    }
}
