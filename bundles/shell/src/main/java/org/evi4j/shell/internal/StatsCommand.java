package org.evi4j.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.evi4j.api.EventInfo;
import org.evi4j.api.EventInterface;
import org.evi4j.api.SubscriberInfo;

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
        long[] total = new long[COLUMNS.length];
        for (EventInfo event : evi.events()) {
            long[] row = new long[COLUMNS.length];
            row[0] = event.raised();
            for (SubscriberInfo s : evi.subscribers(event.name())) {
                add(row, 1, 1, s.sent(), s.delivered(), s.failed(), s.dropped(), s.undelivered());
            }
            add(total, 0, row);
            addRow(table, event.name(), row);
        }
        if (!evi.events().isEmpty()) {
            addRow(table, "Total", total);
        }
        table.print(out);
        if (reset) {
            evi.resetStatistics();
            out.println("Statistics reset");
        }
    }

    private static void addRow(ShellTable table, String name, long[] values) {
        Object[] cells = new Object[values.length + 1];
        cells[0] = name;
        for (int i = 0; i < values.length; i++) {
            cells[i + 1] = values[i];
        }
        table.addRow().addContent(cells);
    }

    private static void add(long[] sums, int from, long... values) {
        for (int i = 0; i < values.length; i++) {
            sums[from + i] += values[i];
        }
    }
}
