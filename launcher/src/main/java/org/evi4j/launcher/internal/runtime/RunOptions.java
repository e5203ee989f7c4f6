package org.evi4j.launcher.internal.runtime;

import java.nio.file.Path;
import java.nio.file.Paths;

import picocli.CommandLine.Option;

/** The options of {@code run}, also accepted with no subcommand. */
public final class RunOptions {

    @Option(names = "--etc", paramLabel = "DIR", defaultValue = "etc",
            description = "Folder of Karaf-style <pid>.cfg / <factoryPid>-<name>.cfg files, watched while running; "
                    + "a default set is written when it is missing or empty (default: ${DEFAULT-VALUE}).")
    Path etc = Paths.get("etc");

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Folder of the runtime's state: the OSGi framework storage, where subscriptions "
                    + "persist (default: ${DEFAULT-VALUE}).")
    Path data = Paths.get("data");

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "info",
            description = "Console log level: trace, debug, info, warn or error (default: ${DEFAULT-VALUE}); "
                    + "-Dorg.slf4j.simpleLogger.defaultLogLevel=... wins over it.")
    String logLevel = "info";

    public Path etc() {
        return etc.toAbsolutePath().normalize();
    }

    public Path data() {
        return data.toAbsolutePath().normalize();
    }

    public String logLevel() {
        return logLevel;
    }
}
