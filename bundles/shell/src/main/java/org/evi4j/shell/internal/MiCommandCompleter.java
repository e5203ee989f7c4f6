package org.evi4j.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.evi4j.mi.MiDispatcher;

/** Completes the MI command names served now, as {@code which} lists them. */
@Service
public final class MiCommandCompleter implements Completer {

    @Reference
    MiDispatcher dispatcher;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(MiCall.commands(dispatcher), true).complete(session, commandLine, candidates);
    }
}
