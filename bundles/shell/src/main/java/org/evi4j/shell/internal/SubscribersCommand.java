package org.evi4j.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.evi4j.api.EventInfo;
import org.evi4j.api.EventInterface;
import org.evi4j.api.SubscriberInfo;

/** {@code evi:subscribers [event]}: the live subscribers, newest first, with their counters. */
@Command(scope = "evi", name = "subscribers", description = "Lists the subscribers of one event or of all events")
@Service
public final class SubscribersCommand implements Action {

    @Reference
    EventInterface evi;

    @Argument(index = 0, name = "event", description = "The event; all events when left out")
    @Completion(EventNameCompleter.class)
    String event;

    @Override
    public Object execute() {
        print(System.out);
        return null;
    }

    void print(PrintStream out) {
        ShellTable table = new ShellTable().emptyTableText("No subscriber");
        for (String column : List.of("Event", "Socket", "Encoder")) {
            table.column(column);
        }
        for (String column : List.of("Expire", "TTL", "Sent", "Delivered", "Failed", "Dropped", "Undelivered")) {
            table.column(column).alignRight();
        }
        table.column("Last error");
        if (event != null) {
            addRows(table, event);
        } else {
            for (EventInfo info : evi.events()) {
                addRows(table, info.name());
            }
        }
        table.print(out);
    }

    private void addRows(ShellTable table, String name) {
        for (SubscriberInfo s : evi.subscribers(name)) {
            table.addRow().addContent(name, s.socket(), s.encoder(), s.expire(), Format.ttl(s), s.sent(),
                    s.delivered(), s.failed(), s.dropped(), s.undelivered(),
                    s.lastError() == null ? "" : s.lastError());
        }
    }
}
