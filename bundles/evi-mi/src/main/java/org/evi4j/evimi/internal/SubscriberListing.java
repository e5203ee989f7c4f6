package org.evi4j.evimi.internal;

import java.util.List;

import org.evi4j.api.EventInfo;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.mi.MiNode;
import org.evi4j.mi.MiValue;

/**
 * Renders events and their subscribers as {@code subscribers_list} shows them: the JSON of OpenSIPS 3.4+ (with
 * {@code ttl}) and the legacy tree of OpenSIPS 2.4 ({@code Subscriber::  socket=... expire=N}, no ttl).
 */
final class SubscriberListing {

    private SubscriberListing() {
    }

    /** {@code {"name":..,"id":..,"Subscribers":[..]}}. */
    static MiValue event(EventInfo event, List<SubscriberInfo> subscribers) {
        MiValue.ArrayBuilder array = MiValue.arrayBuilder();
        for (SubscriberInfo subscriber : subscribers) {
            array.add(subscriber(subscriber));
        }
        return MiValue.object().put("name", event.name()).put("id", event.id())
                .put("Subscribers", array.build()).build();
    }

    /** {@code {"name":..,"id":..,"Subscriber":{..}}}. */
    static MiValue event(EventInfo event, SubscriberInfo subscriber) {
        return MiValue.object().put("name", event.name()).put("id", event.id())
                .put("Subscriber", subscriber(subscriber)).build();
    }

    /** {@code {"socket":..,"expire":N,"ttl":N|"expired"}}. */
    static MiValue subscriber(SubscriberInfo subscriber) {
        MiValue ttl = subscriber.expired() ? MiValue.of("expired") : MiValue.of(subscriber.ttl());
        return MiValue.object().put("socket", subscriber.socket()).put("expire", subscriber.expire())
                .put("ttl", ttl).build();
    }

    /** {@code Event:: NAME id=N} with one {@code Subscriber::  socket=S expire=N} line per subscriber below. */
    static MiNode eventNode(EventInfo event, List<SubscriberInfo> subscribers) {
        MiNode.Builder node = MiNode.builder("Event").value(event.name()).attribute("id", Integer.toString(event.id()));
        for (SubscriberInfo subscriber : subscribers) {
            node.child(MiNode.builder("Subscriber").attribute("socket", subscriber.socket())
                    .attribute("expire", Integer.toString(subscriber.expire())).build());
        }
        return node.build();
    }
}
