package org.evi4j.mi.internal;

import java.util.ArrayList;
import java.util.List;

import org.evi4j.api.EventInterface;
import org.evi4j.mi.MiCommand;
import org.evi4j.mi.MiException;
import org.evi4j.mi.MiNode;
import org.evi4j.mi.MiParams;
import org.evi4j.mi.MiResponse;
import org.evi4j.mi.MiValue;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code get_statistics}: {@code {"group:name":value,..}} for the statistics named; legacy lines
 * {@code group:name = value} as OpenSIPS 2.4.
 */
@Component(property = {MiCommand.NAME_PROPERTY + "=get_statistics", MiCommand.NAME_PROPERTY + "=statistics:get"})
public final class GetStatisticsCommand implements MiCommand {

    private final CommandRegistry registry;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile EventInterface events;

    @Activate
    public GetStatisticsCommand(@Reference CommandRegistry registry) {
        this.registry = registry;
    }

    @Override
    public List<List<String>> recipes() {
        return List.of(List.of(Statistics.PARAM));
    }

    @Override
    public String help() {
        return "prints the statistics (all, group or one) realtime values";
    }

    @Override
    public MiResponse execute(MiParams params) throws MiException {
        List<Statistics.Stat> stats = Statistics.select(Statistics.all(events, registry.counters()),
                params.value(Statistics.PARAM));
        MiValue.ObjectBuilder result = MiValue.object();
        List<MiNode> legacy = new ArrayList<>(stats.size());
        for (Statistics.Stat s : stats) {
            result.put(s.fullName(), s.value());
            legacy.add(MiNode.value(s.fullName() + " = " + s.value()));
        }
        return MiResponse.of(result.build(), () -> legacy);
    }
}
