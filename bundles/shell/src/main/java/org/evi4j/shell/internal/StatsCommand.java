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
        for (String column : new String[] {"Raised", "Subscribers", "Sent", "Failed", "Dropped", "Undelivered"}) {
            table.column(column).alignRight();
        }
        long[] total = new long[6];
        for (EventInfo event : evi.events()) {
            long[] row = new long[] {event.raised(), 0, 0, 0, 0, 0};
            for (SubscriberInfo s : evi.subscribers(event.name())) {
                add(row, 1, 1, s.sent(), s.failed(), s.dropped(), s.undelivered());
            }
            add(total, 0, row);
            table.addRow().addContent(event.name(), row[0], row[1], row[2], row[3], row[4], row[5]);
        }
        if (!evi.events().isEmpty()) {
            table.addRow().addContent("Total", total[0], total[1], total[2], total[3], total[4], total[5]);
        }
        table.print(out);
        if (reset) {
            evi.resetStatistics();
            out.println("Statistics reset");
        }
    }

    private static void add(long[] sums, int from, long... values) {
        for (int i = 0; i < values.length; i++) {
            sums[from + i] += values[i];
        }
    }
}
