package org.evi4j.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.evi4j.api.EventInfo;
import org.evi4j.api.EventInterface;
import org.evi4j.api.EventTotals;

/** {@code evi:stats [-r]}: per event, how often it was raised and what became of it, summed over subscribers. */
@Command(scope = "evi", name = "stats", description = "Shows the statistics per event, with totals")
@Service
public final class StatsCommand implements Action {

    private static final String[] COLUMNS = {"Raised", "Subscribers", "Sent", "Delivered", "Failed", "Dropped",
        "Undelivered"};

    @Reference
    EventInterface evi;

    @Option(name = "-r", aliases = "--reset", description = "Set every counter back to zero (after showing them)")
    boolean reset;

    @Override
    public Object execute() {
        print(System.out);
        return null;
    }

    void print(PrintStream out) {
        ShellTable table = new ShellTable().emptyTableText("No event published");
        table.column("Event");
        for (String column : COLUMNS) {
            table.column(column).alignRight();
        }
        List<EventInfo> events = evi.events();
        EventTotals total = EventTotals.NONE;
        for (EventInfo event : events) {
            EventTotals row = evi.totals(event);
            total = total.plus(row);
            addRow(table, event.name(), row);
        }
        if (!events.isEmpty()) {
            addRow(table, "Total", total);
        }
        table.print(out);
        if (reset) {
            evi.resetStatistics();
            out.println("Statistics reset");
        }
    }

    private static void addRow(ShellTable table, String name, EventTotals t) {
        table.addRow().addContent(name, t.raised(), t.subscribers(), t.sent(), t.delivered(), t.failed(), t.dropped(),
                t.undelivered());
    }
}
