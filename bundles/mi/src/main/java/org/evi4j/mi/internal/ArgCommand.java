package org.evi4j.mi.internal;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.evi4j.mi.MiCommand;
import org.evi4j.mi.MiParams;
import org.evi4j.mi.MiResponse;
import org.evi4j.mi.MiValue;
import org.osgi.service.component.annotations.Component;

/** {@code arg}: the JVM's command line (program, then arguments) when the OS tells it, else its input arguments. */
@Component(property = {MiCommand.NAME_PROPERTY + "=arg", MiCommand.NAME_PROPERTY + "=core:arg"})
public final class ArgCommand implements MiCommand {

    private final MiResponse response;

    public ArgCommand() {
        this(commandLine());
    }

    ArgCommand(List<String> args) {
        response = MiResponse.of(MiValue.strings(args));
    }

    private static List<String> commandLine() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        List<String> args = new ArrayList<>();
        info.command().ifPresent(args::add);
        info.arguments().ifPresent(a -> args.addAll(List.of(a)));
        return args.size() > 1 ? args : ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    @Override
    public List<List<String>> recipes() {
        return List.of(List.of());
    }

    @Override
    public String help() {
        return "returns the full list of arguments used at startup";
    }

    @Override
    public MiResponse execute(MiParams params) {
        return response;
    }
}
