package org.evi4j.evimi.internal;

import java.util.ArrayList;
import java.util.List;

import org.evi4j.api.EventInfo;
import org.evi4j.api.EventInterface;
import org.evi4j.mi.MiCommand;
import org.evi4j.mi.MiNode;
import org.evi4j.mi.MiParams;
import org.evi4j.mi.MiResponse;
import org.evi4j.mi.MiValue;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@code events_list} / {@code evi:list}: every published event, in id order. */
@Component(service = MiCommand.class, property = {
        MiCommand.NAME_PROPERTY + "=events_list", MiCommand.NAME_PROPERTY + "=evi:list" })
public final class EventsListCommand extends EviCommand {

    private static final List<List<String>> RECIPES = List.of(List.of());

    @Activate
    public EventsListCommand(@Reference(policyOption = ReferencePolicyOption.GREEDY) EventInterface evi) {
        super(evi, RECIPES, "lists all the events advertised through the Event Interface");
    }

    @Override
    public MiResponse execute(MiParams params) {
        List<EventInfo> events = evi.events();
        MiValue.ArrayBuilder array = MiValue.arrayBuilder();
        for (EventInfo event : events) {
            array.add(MiValue.object().put("name", event.name()).put("id", event.id()).build());
        }
        MiValue result = MiValue.object().put("Events", array.build()).build();
        return MiResponse.of(result, () -> legacy(events));
    }

    /** {@code Event:: NAME id=N} per event, as OpenSIPS 2.4 writes it. */
    private static List<MiNode> legacy(List<EventInfo> events) {
        List<MiNode> nodes = new ArrayList<>(events.size());
        for (EventInfo event : events) {
            nodes.add(MiNode.builder("Event").value(event.name()).attribute("id", Integer.toString(event.id()))
                    .build());
        }
        return nodes;
    }
}
