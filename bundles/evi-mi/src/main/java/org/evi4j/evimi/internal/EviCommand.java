package org.evi4j.evimi.internal;

import java.util.List;

import org.evi4j.api.EventInterface;
import org.evi4j.mi.MiCommand;

/**
 * What the EVI MI commands share: the Event Interface they work on, their fixed recipes and help text. Each
 * subclass keeps its own {@code @Component} and injects the Event Interface through its constructor.
 */
abstract class EviCommand implements MiCommand {

    /** The Event Interface the command works on. */
    protected final EventInterface evi;
    private final List<List<String>> recipes;
    private final String help;

    EviCommand(EventInterface evi, List<List<String>> recipes, String help) {
        this.evi = evi;
        this.recipes = recipes;
        this.help = help;
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
