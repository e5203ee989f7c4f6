package org.evi4j.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.evi4j.api.Event;
import org.evi4j.api.EventInterface;

/** {@code evi:raise <event> [name=value | value]...}: raises an event with parameters, in the order given. */
@Command(scope = "evi", name = "raise", description = "Raises an event; params are name=value (named) or value "
        + "(unnamed); 32-bit decimal values are ints unless -s")
@Service
public final class RaiseCommand implements Action {

    @Reference
    EventInterface evi;

    @Option(name = "-s", aliases = "--strings", description = "Send every value as a string")
    boolean strings;

    @Option(name = "-p", aliases = "--publish", description = "Publish the event first if it is not published")
    boolean publish;

    @Argument(index = 0, name = "event", required = true, description = "The event")
    @Completion(EventNameCompleter.class)
    String event;

    @Argument(index = 1, name = "params", multiValued = true,
            description = "name=value for a named parameter, value (or =value) for an unnamed one")
    List<String> params;

    @Override
    public Object execute() {
        print(System.out);
        return null;
    }

    void print(PrintStream out) {
        Event e = Event.of(event, RaiseParams.parse(params, strings));
        if (publish) {
            evi.publish(event);
        }
        int subscribers = evi.raise(e);
        out.println("Raised " + e + " to " + subscribers + (subscribers == 1 ? " subscriber" : " subscribers"));
    }
}
