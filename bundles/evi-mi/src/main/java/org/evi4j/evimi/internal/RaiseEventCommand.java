package org.evi4j.evimi.internal;

import java.util.List;

import org.evi4j.api.Event;
import org.evi4j.api.EventInterface;
import org.evi4j.api.EventParam;
import org.evi4j.api.UnknownEventException;
import org.evi4j.cjson.mi.MiJson;
import org.evi4j.mi.MiCommand;
import org.evi4j.mi.MiException;
import org.evi4j.mi.MiParams;
import org.evi4j.mi.MiResponse;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@code raise_event} / {@code evi:raise}: raises a published event, with parameters read as {@link RaiseParams}. */
@Component(service = MiCommand.class, property = {
        MiCommand.NAME_PROPERTY + "=raise_event", MiCommand.NAME_PROPERTY + "=evi:raise" })
public final class RaiseEventCommand extends EviCommand {

    private static final List<List<String>> RECIPES = List.of(List.of("event"), List.of("event", "params"));

    private final RaiseParams raiseParams = new RaiseParams(new MiJson());

    @Activate
    public RaiseEventCommand(@Reference(policyOption = ReferencePolicyOption.GREEDY) EventInterface evi) {
        super(evi, RECIPES, "raises an event through the Event Interface; Params: event [ params ]");
    }

    @Override
    public MiResponse execute(MiParams params) throws MiException {
        String name = Args.required(params, "event");
        // the same order of checks as OpenSIPS: unknown event, then no subscribers, then the parameters
        if (evi.event(name).isEmpty()) {
            throw EviErrors.eventNotRegistered();
        }
        if (!evi.hasSubscribers(name)) {
            throw EviErrors.temporarilyUnavailable();
        }
        List<EventParam> eventParams = raiseParams.of(params.value("params"));
        int handed;
        try {
            handed = evi.raise(Event.of(name, eventParams));
        } catch (UnknownEventException e) {
            throw EviErrors.eventNotRegistered();
        }
        if (handed == 0) {
            // the last subscriber lapsed between the check and the raise
            throw EviErrors.temporarilyUnavailable();
        }
        return MiResponse.ok();
    }
}
