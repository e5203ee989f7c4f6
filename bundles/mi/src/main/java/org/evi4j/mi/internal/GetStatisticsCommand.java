package org.evi4j.mi.internal;

import java.util.ArrayList;
import java.util.List;

import org.evi4j.mi.MiCommand;
import org.evi4j.mi.MiException;
import org.evi4j.mi.MiNode;
import org.evi4j.mi.MiParams;
import org.evi4j.mi.MiResponse;
import org.evi4j.mi.MiValue;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code get_statistics}: {@code {"group:name":value,..}} for the statistics named; legacy lines
 * {@code group:name = value} as OpenSIPS 2.4.
 */
@Component(service = MiCommand.class,
    property = {MiCommand.NAME_PROPERTY + "=get_statistics", MiCommand.NAME_PROPERTY + "=statistics:get"})
public final class GetStatisticsCommand extends StatisticsCommand {

    private static final List<List<String>> RECIPES = List.of(List.of(Statistics.PARAM));

    @Activate
    public GetStatisticsCommand(@Reference CommandRegistry registry) {
        super(registry, RECIPES, "prints the statistics (all, group or one) realtime values");
    }

    @Override
    public MiResponse execute(MiParams params) throws MiException {
        List<Statistics.Stat> stats = Statistics.select(all(), params.value(Statistics.PARAM));
        MiValue.ObjectBuilder result = MiValue.object();
        List<MiNode> legacy = new ArrayList<>(stats.size());
        for (Statistics.Stat s : stats) {
            result.put(s.fullName(), s.value());
            legacy.add(MiNode.value(s.fullName() + " = " + s.value()));
        }
        return MiResponse.of(result.build(), () -> legacy);
    }
}
