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
 * event, or one subscriber of one event. A listing never outgrows a datagram reply: what does not fit is left out,
 * and the reply says how many were and how to ask for the rest with the evi4j recipe {@code event, offset, limit}
 * (three parameters, so the OpenSIPS forms are matched as before).
 */
@Component(service = MiCommand.class, property = {
        MiCommand.NAME_PROPERTY + "=subscribers_list", MiCommand.NAME_PROPERTY + "=evi:subscribers" })
public final class SubscribersListCommand extends EviCommand {

    private static final Logger LOG = LoggerFactory.getLogger(SubscribersListCommand.class);
    private static final List<List<String>> RECIPES = List.of(
            List.of(), List.of("event"), List.of("event", "socket"), List.of("event", "offset", "limit"));

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
        if (params.has("offset")) {
            return of(event, count(params, "offset"), count(params, "limit"));
        }
        return params.has("socket") ? one(event, Args.required(params, "socket")) : of(event, 0, Integer.MAX_VALUE);
    }

    private static int count(MiParams params, String name) throws MiException {
        int n = params.integer(name);
        if (n < 0) {
            throw MiException.invalidParams("Negative " + name);
        }
        return n;
    }

    private MiResponse all() {
        List<EventInfo> events = new ArrayList<>();
        List<List<SubscriberInfo>> subscribers = new ArrayList<>();
        MiValue.ArrayBuilder array = MiValue.arrayBuilder();
        ReplyBudget budget = new ReplyBudget();
        int omitted = 0;
        for (EventInfo event : evi.events()) {
            List<SubscriberInfo> subs = subscribersOrNone(event.name());
            if (subs.isEmpty()) {
                continue;
            }
            List<SubscriberInfo> fit = budget.takeEvent(event.name()) ? fit(subs, 0, budget) : List.of();
            omitted += subs.size() - fit.size();
            if (!fit.isEmpty()) {
                events.add(event);
                subscribers.add(fit);
                array.add(SubscriberListing.event(event, fit));
            }
        }
        MiValue.ObjectBuilder result = MiValue.object().put("Events", array.build());
        List<MiNode> note = omitted == 0 ? List.of() : note(result, omitted, null, 0);
        return MiResponse.of(result.build(), () -> {
            List<MiNode> nodes = new ArrayList<>(events.size() + 1);
            for (int i = 0; i < events.size(); i++) {
                nodes.add(SubscriberListing.eventNode(events.get(i), subscribers.get(i)));
            }
            nodes.addAll(note);
            return nodes;
        });
    }

    /** One event's subscribers from {@code offset}, at most {@code limit}, as many as fit. */
    private MiResponse of(EventInfo event, int offset, int limit) throws MiException {
        List<SubscriberInfo> subs;
        try {
            subs = evi.subscribers(event.name());
        } catch (UnknownEventException e) {
            throw EviErrors.eventNotPublished();
        }
        List<SubscriberInfo> page = subs.subList(Math.min(offset, subs.size()),
                (int) Math.min((long) offset + limit, subs.size()));
        ReplyBudget budget = new ReplyBudget();
        budget.takeEvent(event.name());
        List<SubscriberInfo> fit = fit(page, 0, budget);
        int next = offset + fit.size();
        MiValue.ObjectBuilder result = MiValue.object();
        if (fit.isEmpty()) {
            // OpenSIPS prints an empty Event object, and no line at all in the legacy text
            result.put("Event", MiValue.object().build());
        } else {
            result.put("Event", SubscriberListing.event(event, fit));
        }
        List<MiNode> note = next < subs.size() && fit.size() < page.size()
                ? note(result, subs.size() - next, event.name(), next) : List.of();
        List<MiNode> nodes = new ArrayList<>();
        if (!fit.isEmpty()) {
            nodes.add(SubscriberListing.eventNode(event, fit));
        }
        nodes.addAll(note);
        return MiResponse.of(result.build(), () -> nodes);
    }

    private static List<SubscriberInfo> fit(List<SubscriberInfo> subs, int from, ReplyBudget budget) {
        int end = from;
        while (end < subs.size() && budget.takeSubscriber(subs.get(end).socket())) {
            end++;
        }
        return subs.subList(from, end);
    }

    /**
     * Says that {@code omitted} subscribers were left out to fit the reply, and how to ask for the rest: the JSON
     * result gets {@code "Omitted"} and {@code "Next"} members, the legacy text an {@code Omitted::} line.
     */
    private static List<MiNode> note(MiValue.ObjectBuilder result, int omitted, String event, int offset) {
        String next = event == null
                ? "subscribers_list with params {\"event\":NAME,\"offset\":0,\"limit\":N} lists one event in pages"
                : "subscribers_list with params {\"event\":\"" + event + "\",\"offset\":" + offset
                        + ",\"limit\":N} lists the next page";
        result.put("Omitted", omitted).put("Next", next);
        return List.of(MiNode.builder("Omitted").value(Integer.toString(omitted)).attribute("next", next).build());
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
