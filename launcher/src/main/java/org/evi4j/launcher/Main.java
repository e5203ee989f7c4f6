package org.evi4j.launcher;

import java.util.concurrent.Callable;

import org.evi4j.launcher.internal.cli.ListenCli;
import org.evi4j.launcher.internal.cli.MiCli;
import org.evi4j.launcher.internal.runtime.RunCli;
import org.evi4j.launcher.internal.runtime.RunOptions;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code java -jar evi4j.jar [run] [--etc DIR]} runs evi4j; {@code mi} and {@code listen} are its command-line
 * client.
 */
@Command(name = "evi4j", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {RunCli.class, MiCli.class, ListenCli.class},
        description = "evi4j: OpenSIPS-compatible event interface on OSGi. With no subcommand: run.")
public final class Main implements Callable<Integer> {

    @Mixin
    RunOptions options;

    @Override
    public Integer call() throws Exception {
        return RunCli.run(options);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, set up as {@code main} runs it. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        // everything after the MI command name is its arguments, even when it starts with '-'
        commandLine.getSubcommands().get("mi").setStopAtPositional(true);
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            // a failed start (data folder locked by another instance, unreadable jar...) gets one clear line
            line.getErr().println("evi4j " + line.getCommandName() + ": " + e);
            if (e.getCause() != null) {
                line.getErr().println("  caused by: " + e.getCause());
            }
            line.getErr().flush();
            return 1;
        });
        return commandLine;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"evi4j " + (version == null ? "(development build)" : version)};
        }
    }
}
