package org.evi4j.mi.internal;

import java.util.List;

import org.evi4j.mi.MiException;
import org.evi4j.mi.MiNode;
import org.evi4j.mi.MiResponse;
import org.evi4j.mi.MiValue;

/**
 * Stand-ins for the EVI commands (bundle evi-mi cannot be used here) with the same names and recipes: they read
 * their parameters through the real getters and echo client data back in both renderings, so that whatever a
 * request carries reaches the reply writers.
 */
final class MiFuzzCommands {

    private MiFuzzCommands() {
    }

    static void register(Harness h) {
        h.register(new TestCommand(List.of(List.of("event", "socket"), List.of("event", "socket", "expire")), p -> {
            p.string("event");
            p.string("socket");
            if (p.has("expire") && p.integer("expire") < 0) {
                throw MiException.invalidParams("Negative expire value");
            }
            return MiResponse.ok();
        }), "event_subscribe", "evi:subscribe");
        h.register(new TestCommand(List.of(List.of("event"), List.of("event", "params")), p -> {
            String event = p.string("event");
            if (event.startsWith("E_NOPE")) {
                throw new MiException(404, "Event not published");
            }
            MiValue params = p.has("params") ? p.value("params") : MiValue.NULL;
            return MiResponse.of(MiValue.object().put("event", event).put("params", params).build());
        }), "raise_event", "evi:raise");
        h.register(new TestCommand(List.of(List.of(), List.of("event"), List.of("event", "socket")), p -> {
            String event = p.has("event") ? p.string("event") : "E_ALL";
            String socket = p.has("socket") ? p.string("socket") : "unix:/tmp/fuzz.sock";
            MiValue listing = MiValue.object().put("Event", MiValue.object().put("name", event)
                    .put("Subscribers", MiValue.array(List.of(MiValue.object().put("socket", socket)
                            .put("expire", 3600).build()))).build()).build();
            return MiResponse.of(listing, () -> List.of(MiNode.builder("Event").value(event).attribute("id", "0")
                    .child(MiNode.builder("Subscriber").value(null).attribute("socket", socket).build()).build()));
        }), "subscribers_list", "evi:subscribers");
    }
}
