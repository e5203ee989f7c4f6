package org.evi4j.shell.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.evi4j.api.EventInfo;
import org.evi4j.api.EventInterface;

/** Completes the names of the events published now. */
@Service
public final class EventNameCompleter implements Completer {

    @Reference
    EventInterface evi;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        List<String> names = new ArrayList<>();
        for (EventInfo event : evi.events()) {
            names.add(event.name());
        }
        return new StringsCompleter(names, true).complete(session, commandLine, candidates);
    }
}
