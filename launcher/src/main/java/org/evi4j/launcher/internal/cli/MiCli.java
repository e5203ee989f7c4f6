package org.evi4j.launcher.internal.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.evi4j.miclient.MiReply;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mi}: one MI request, its reply printed. */
@Command(name = "mi", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sends one MI request and prints the reply: a JSON-RPC result as pretty JSON (a string "
                + "result bare), a legacy reply as its text.",
            "JSON-RPC arguments are sent as strings, positionally; when every argument is key=value they are "
                + "sent as named parameters (--positional turns that off). Legacy arguments go one per line, "
                + "quoted when needed.",
            "Options come before COMMAND. Exit status: 0 success, 1 error reply, 2 bad usage, 3 no reply "
                + "(timeout or socket error)."},
        footer = {"", "Examples:", "  mi version", "  mi event_subscribe E_DEMO udp:127.0.0.1:9000 60",
            "  mi raise_event E_DEMO '{\"caller\":\"alice\",\"n\":7}'",
            "  mi --socket unix:/tmp/evi4j_mi.sock --legacy events_list"})
public final class MiCli implements Callable<Integer> {

    /** Exit status when no reply came. */
    public static final int NO_REPLY = 3;

    @Option(names = "--socket", paramLabel = "SOCKET", defaultValue = "udp:127.0.0.1:8080",
            description = "The MI socket: udp:HOST:PORT, udp:[IPv6]:PORT or unix:/path (default: ${DEFAULT-VALUE}).")
    String socket;

    @Option(names = "--legacy", description = "Speak the legacy text MI (OpenSIPS 1.x-2.4) instead of JSON-RPC.")
    boolean legacy;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "2000",
            description = "How long to wait for the reply (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Option(names = "--positional", description = "Send key=value arguments positionally, as they are.")
    boolean positional;

    @Parameters(index = "0", paramLabel = "COMMAND", description = "The MI command (version, which, "
            + "event_subscribe, raise_event, subscribers_list, ...).")
    String command;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Its arguments.")
    List<String> args = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (MiClient client = MiClient.open(SocketSpec.parse(socket), legacy)) {
            MiReply reply = client.call(command, args, positional, timeout);
            (reply.ok() ? out : err).println(reply.text());
            return reply.ok() ? 0 : 1;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        } catch (MiClient.MiUnavailableException e) {
            err.println(e.getMessage());
            return NO_REPLY;
        } catch (java.io.IOException e) {
            err.println(e.getMessage());
            return NO_REPLY;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
