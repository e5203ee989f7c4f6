package org.evi4j.mi.internal;

import java.util.List;

import org.evi4j.mi.MiCommand;
import org.evi4j.mi.MiException;
import org.evi4j.mi.MiParams;
import org.evi4j.mi.MiResponse;
import org.evi4j.mi.MiValue;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code list_statistics}: {@code {"group:name":"incremental"|"non-incremental",..}}, all or those named. */
@Component(service = MiCommand.class,
    property = {MiCommand.NAME_PROPERTY + "=list_statistics", MiCommand.NAME_PROPERTY + "=statistics:list"})
public final class ListStatisticsCommand extends StatisticsCommand {

    private static final List<List<String>> RECIPES = List.of(List.of(), List.of(Statistics.PARAM));

    @Activate
    public ListStatisticsCommand(@Reference CommandRegistry registry) {
        super(registry, RECIPES, "lists all the registered statistics and their types");
    }

    @Override
    public MiResponse execute(MiParams params) throws MiException {
        List<Statistics.Stat> stats = all();
        if (params.has(Statistics.PARAM)) {
            stats = Statistics.select(stats, params.value(Statistics.PARAM));
        }
        MiValue.ObjectBuilder result = MiValue.object();
        for (Statistics.Stat s : stats) {
            result.put(s.fullName(), s.incremental() ? "incremental" : "non-incremental");
        }
        return MiResponse.of(result.build());
    }
}
