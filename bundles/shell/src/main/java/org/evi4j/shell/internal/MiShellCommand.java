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
import org.evi4j.mi.MiDispatcher;

/**
 * {@code evi:mi <command> [args...]}: runs an MI command in-process, as a JSON-RPC request through the MI
 * dispatcher (no socket), and prints its result; an error reply fails the shell command with its code and message.
 */
@Command(scope = "evi", name = "mi", description = "Runs an MI command (JSON-RPC, in-process) and prints the result")
@Service
public final class MiShellCommand implements Action {

    @Reference
    MiDispatcher dispatcher;

    @Option(name = "-n", aliases = "--named", description = "Args are name=value pairs, sent as named parameters")
    boolean named;

    @Argument(index = 0, name = "command", required = true, description = "The MI command (which lists them)")
    @Completion(MiCommandCompleter.class)
    String command;

    @Argument(index = 1, name = "args", multiValued = true, description = "The parameters, each sent as a string")
    List<String> args;

    @Override
    public Object execute() {
        print(System.out);
        return null;
    }

    void print(PrintStream out) {
        out.println(MiCall.call(dispatcher, command, args == null ? List.of() : args, named));
    }
}
