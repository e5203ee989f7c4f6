package org.evi4j.mi.internal;

import java.util.List;

import org.evi4j.api.EventInterface;
import org.evi4j.mi.MiCommand;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * What the statistics commands share: the MI counters (from the registry), the Event Interface's when it is there,
 * their recipes and help text. Each subclass keeps its own {@code @Component}; the {@code events} reference is
 * inherited ({@code -dsannotations-options: inherit}).
 */
abstract class StatisticsCommand implements MiCommand {

    final CommandRegistry registry;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile EventInterface events;

    private final List<List<String>> recipes;
    private final String help;

    StatisticsCommand(CommandRegistry registry, List<List<String>> recipes, String help) {
        this.registry = registry;
        this.recipes = recipes;
        this.help = help;
    }

    /** Every statistic there is now: the Event Interface's, if any, then the MI counters. */
    final List<Statistics.Stat> all() {
        return Statistics.all(events, registry.counters());
    }

    @Override
    public final List<List<String>> recipes() {
        return recipes;
    }

    @Override
    public final String help() {
        return help;
    }
}
