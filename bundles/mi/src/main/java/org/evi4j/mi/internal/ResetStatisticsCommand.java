package org.evi4j.mi.internal;

import java.util.List;

import org.evi4j.api.EventInterface;
import org.evi4j.mi.MiCommand;
import org.evi4j.mi.MiException;
import org.evi4j.mi.MiParams;
import org.evi4j.mi.MiResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code reset_statistics}: sets the statistics named back to zero. The Event Interface resets its counters all
 * together, so naming any {@code evi} statistic resets the whole {@code evi} group.
 */
@Component(service = MiCommand.class, property = {MiCommand.NAME_PROPERTY + "=reset_statistics",
    MiCommand.NAME_PROPERTY + "=statistics:reset"})
public final class ResetStatisticsCommand extends StatisticsCommand {

    private static final List<List<String>> RECIPES = List.of(List.of(Statistics.PARAM));

    @Activate
    public ResetStatisticsCommand(@Reference CommandRegistry registry) {
        super(registry, RECIPES, "resets the value of a statistic variable");
    }

    @Override
    public MiResponse execute(MiParams params) throws MiException {
        EventInterface ei = events;
        MiCounters counters = registry.counters();
        boolean evi = false;
        for (Statistics.Stat s : Statistics.select(Statistics.all(ei, counters), params.value(Statistics.PARAM))) {
            if (s.group().equals("mi")) {
                counters.reset(s.name());
            } else if (s.incremental()) {
                evi = true;
            }
        }
        if (evi && ei != null) {
            ei.resetStatistics();
        }
        return MiResponse.ok();
    }
}
