package org.evi4j.evimi.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.evi4j.api.EventInfo;
import org.evi4j.api.EventInterface;
import org.evi4j.api.EviException;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.api.UnknownEventException;
import org.evi4j.mi.MiCommand;
import org.evi4j.mi.MiException;
import org.evi4j.mi.MiNode;
import org.evi4j.mi.MiParams;
import org.evi4j.mi.MiResponse;
import org.evi4j.mi.MiValue;
import org.evi4j.support.LogText;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code subscribers_list} / {@code evi:subscribers}: the live subscribers of every event that has some, of one
 * event, or one subscriber of one event.
 */
@Component(service = MiCommand.class, property = {
        MiCommand.NAME_PROPERTY + "=subscribers_list", MiCommand.NAME_PROPERTY + "=evi:subscribers" })
public final class SubscribersListCommand extends EviCommand {

    private static final Logger LOG = LoggerFactory.getLogger(SubscribersListCommand.class);
    private static final List<List<String>> RECIPES = List.of(
            List.of(), List.of("event"), List.of("event", "socket"));

    @Activate
    public SubscribersListCommand(@Reference(policyOption = ReferencePolicyOption.GREEDY) EventInterface evi) {
        super(evi, RECIPES, "lists all the Event Interface subscribers; Params: [ event [ subscriber ]]");
    }

    @Override
    public MiResponse execute(MiParams params) throws MiException {
        if (!params.has("event")) {
            return all();
        }
        EventInfo event = evi.event(Args.required(params, "event")).orElseThrow(EviErrors::eventNotPublished);
        return params.has("socket") ? one(event, Args.required(params, "socket")) : of(event);
    }

    private MiResponse all() {
        List<EventInfo> events = new ArrayList<>();
        List<List<SubscriberInfo>> subscribers = new ArrayList<>();
        MiValue.ArrayBuilder array = MiValue.arrayBuilder();
        for (EventInfo event : evi.events()) {
            List<SubscriberInfo> subs = subscribersOrNone(event.name());
            if (!subs.isEmpty()) {
                events.add(event);
                subscribers.add(subs);
                array.add(SubscriberListing.event(event, subs));
            }
        }
        return MiResponse.of(MiValue.object().put("Events", array.build()).build(), () -> {
            List<MiNode> nodes = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                nodes.add(SubscriberListing.eventNode(events.get(i), subscribers.get(i)));
            }
            return nodes;
        });
    }

    private MiResponse of(EventInfo event) throws MiException {
        List<SubscriberInfo> subs;
        try {
            subs = evi.subscribers(event.name());
        } catch (UnknownEventException e) {
            throw EviErrors.eventNotPublished();
        }
        if (subs.isEmpty()) {
            // OpenSIPS prints an empty Event object, and no line at all in the legacy text
            return MiResponse.of(MiValue.object().put("Event", MiValue.object().build()).build(), List::of);
        }
        return MiResponse.of(MiValue.object().put("Event", SubscriberListing.event(event, subs)).build(),
                () -> List.of(SubscriberListing.eventNode(event, subs)));
    }

    private MiResponse one(EventInfo event, String socket) throws MiException {
        Optional<SubscriberInfo> found;
        try {
            found = evi.subscriber(event.name(), socket);
        } catch (UnknownEventException e) {
            throw EviErrors.eventNotPublished();
        } catch (EviException | IllegalArgumentException e) {
            // a socket that does not parse cannot name a subscriber (OpenSIPS answers the same)
            if (LOG.isDebugEnabled()) {
                LOG.debug("subscriber look-up of {} for {} failed: {}", LogText.socket(socket),
                        LogText.escape(event.name()), LogText.message(e.getMessage(), socket));
            }
            throw EviErrors.subscriberDoesNotExist();
        }
        SubscriberInfo subscriber = found.orElseThrow(EviErrors::subscriberDoesNotExist);
        return MiResponse.of(MiValue.object().put("Event", SubscriberListing.event(event, subscriber)).build(),
                () -> List.of(SubscriberListing.eventNode(event, List.of(subscriber))));
    }

    private List<SubscriberInfo> subscribersOrNone(String event) {
        try {
            return evi.subscribers(event);
        } catch (UnknownEventException e) {
            return List.of();
        }
    }
}
