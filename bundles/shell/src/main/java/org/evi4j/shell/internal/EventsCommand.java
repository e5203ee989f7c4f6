package org.evi4j.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.evi4j.api.EventInfo;
import org.evi4j.api.EventInterface;

/** {@code evi:events}: the published events, in id order, with their raise count and live subscribers. */
@Command(scope = "evi", name = "events", description = "Lists the published events")
@Service
public final class EventsCommand implements Action {

    @Reference
    EventInterface evi;

    @Override
    public Object execute() {
        print(System.out);
        return null;
    }

    void print(PrintStream out) {
        ShellTable table = new ShellTable().emptyTableText("No event published");
        table.column("Id").alignRight();
        table.column("Name");
        table.column("Raised").alignRight();
        table.column("Subscribers").alignRight();
        for (EventInfo event : evi.events()) {
            table.addRow().addContent(event.id(), event.name(), event.raised(), evi.subscribers(event.name()).size());
        }
        table.print(out);
    }
}
