package org.evi4j.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evi4j.api.EventInterface;
import org.evi4j.support.LogText;

/**
 * {@code evi:subscribe <event> <socket> [expire]}: subscribes or refreshes a socket, as {@code event_subscribe}
 * does; an expire of 0 unsubscribes.
 */
@Command(scope = "evi", name = "subscribe",
        description = "Subscribes a socket (udp:HOST:PORT, unix:/path, [;encoder=NAME]) to an event; expire 0 "
                + "unsubscribes")
@Service
public final class SubscribeCommand implements Action {

    @Reference
    EventInterface evi;

    @Argument(index = 0, name = "event", required = true, description = "The event")
    @Completion(EventNameCompleter.class)
    String event;

    @Argument(index = 1, name = "socket", required = true,
            description = "udp:HOST:PORT, udp:[IPv6]:PORT, unix:/path or /path, optionally ;encoder=NAME")
    String socket;

    @Argument(index = 2, name = "expire", description = "Seconds; 0 unsubscribes; the configured default if left out")
    Integer expire;

    @Override
    public Object execute() {
        print(System.out);
        return null;
    }

    void print(PrintStream out) {
        if (expire == null) {
            evi.subscribe(event, socket);
        } else {
            evi.subscribe(event, socket, expire);
        }
        if (expire != null && expire == 0) {
            out.println("Unsubscribed " + LogText.socket(socket) + " from " + event);
            return;
        }
        evi.subscriber(event, socket).ifPresentOrElse(
                s -> out.println("Subscribed " + LogText.socket(s.socket()) + " to " + event + " for " + s.expire()
                        + " s"),
                () -> out.println("Subscribed " + LogText.socket(socket) + " to " + event));
    }
}
