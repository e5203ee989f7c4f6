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

/** {@code evi:unsubscribe <event> <socket>}: removes a subscriber at once. */
@Command(scope = "evi", name = "unsubscribe", description = "Removes a subscriber of an event at once")
@Service
public final class UnsubscribeCommand implements Action {

    @Reference
    EventInterface evi;

    @Argument(index = 0, name = "event", required = true, description = "The event")
    @Completion(EventNameCompleter.class)
    String event;

    @Argument(index = 1, name = "socket", required = true, description = "The subscriber's socket")
    String socket;

    @Override
    public Object execute() {
        print(System.out);
        return null;
    }

    void print(PrintStream out) {
        if (!evi.unsubscribe(event, socket)) {
            throw new IllegalArgumentException("no subscriber " + LogText.socket(socket) + " of " + event);
        }
        out.println("Unsubscribed " + LogText.socket(socket) + " from " + event);
    }
}
