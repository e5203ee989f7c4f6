package org.evi4j.mi.internal;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.evi4j.mi.MiCommand;
import org.evi4j.mi.MiParams;
import org.evi4j.mi.MiResponse;
import org.evi4j.mi.MiValue;
import org.osgi.service.component.annotations.Component;

/**
 * {@code arg}: the JVM's command line (program, then arguments) when the OS tells it, else its input arguments. Any
 * MI client may ask, and a command line may carry secrets ({@code -Djavax.net.ssl.keyStorePassword=...},
 * {@code --password=...}): the value of every {@code -Dname=value} and of every option whose name speaks of a
 * secret is shown as {@code ***}, and the argument that follows such an option too.
 */
@Component(property = {MiCommand.NAME_PROPERTY + "=arg", MiCommand.NAME_PROPERTY + "=core:arg"})
public final class ArgCommand implements MiCommand {

    private static final String MASK = "***";
    private static final Pattern SECRET = Pattern.compile("(?i)pass|secret|token|credential|key|auth");

    private final MiResponse response;

    public ArgCommand() {
        this(commandLine());
    }

    ArgCommand(List<String> args) {
        response = MiResponse.of(MiValue.strings(masked(args)));
    }

    /** The arguments with the values that may be secrets replaced by {@code ***}. */
    static List<String> masked(List<String> args) {
        List<String> out = new ArrayList<>(args.size());
        boolean nextIsSecret = false;
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (nextIsSecret && !arg.startsWith("-")) {
                out.add(MASK);
            } else if (equals > 0 && (arg.startsWith("-D") || secret(arg.substring(0, equals)))) {
                out.add(arg.substring(0, equals + 1) + MASK);
            } else {
                out.add(arg);
            }
            nextIsSecret = equals < 0 && arg.startsWith("-") && secret(arg);
        }
        return out;
    }

    private static boolean secret(String name) {
        return SECRET.matcher(name).find();
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
