package org.evi4j.launcher.internal.runtime;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code run}: the embedded runtime (also what the jar does with no subcommand). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs evi4j: an embedded OSGi framework with every evi4j bundle, configured from --etc. "
                + "Stops cleanly on SIGTERM or Ctrl-C.")
public final class RunCli implements Callable<Integer> {

    @Mixin
    RunOptions options;

    @Override
    public Integer call() throws Exception {
        return run(options);
    }

    /** Runs the runtime with these options until it is stopped; returns the exit status. */
    public static int run(RunOptions options) throws Exception {
        EmbeddedRuntime.configureLogging(options.logLevel());
        return new EmbeddedRuntime(options).run();
    }
}
