package org.evi4j.launcher.internal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.evi4j.support.net.SocketName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code listen}: an event listener, optionally subscribing itself through the MI. */
@Command(name = "listen", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Binds SOCKET and prints each event datagram that arrives, one line each: "
                + "NAME name=value ... (strings with spaces or quotes JSON-quoted), whatever the encoder.",
            "With --subscribe, subscribes SOCKET through the MI, refreshes before the expire, and "
                + "unsubscribes on exit (also on Ctrl-C). Status lines go to stderr, events to stdout."},
        footer = {"", "Example:", "  listen udp:127.0.0.1:9000 --subscribe E_DEMO"})
public final class ListenCli implements Callable<Integer> {

    private static final int POLL_MILLIS = 500;

    @Parameters(index = "0", paramLabel = "SOCKET",
            description = "Where to listen: udp:HOST:PORT (port 0: any free port), udp:[IPv6]:PORT or unix:/path.")
    String socket;

    @Option(names = "--subscribe", paramLabel = "EVENT", description = "Subscribe SOCKET to EVENT (repeatable).")
    List<String> events = new ArrayList<>();

    @Option(names = "--mi", paramLabel = "SOCKET",
            description = "The MI socket to subscribe through (default: " + MiSocketDefault.SHOWN + ").")
    String mi;

    @Option(names = "--expire", paramLabel = "N", defaultValue = "300",
            description = "Subscription lifetime in seconds, refreshed at 2/3 of it (default: ${DEFAULT-VALUE}).")
    int expire;

    @Option(names = "--encoder", paramLabel = "NAME",
            description = "Ask for this encoder (jsonrpc, legacy) by subscribing SOCKET;encoder=NAME.")
    String encoder;

    @Option(names = "--count", paramLabel = "N", description = "Exit after N events.")
    int count;

    @Option(names = "--raw", description = "Print each datagram as it came instead of decoding it.")
    boolean raw;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "2000",
            description = "How long to wait for each MI reply (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Spec
    CommandSpec spec;

    /** Set when the JVM shuts down (Ctrl-C, SIGTERM): the socket is closed under the receive loop. */
    private volatile boolean stopping;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (expire <= 0 || count < 0) {
            err.println("--expire must be positive and --count not negative");
            err.flush();
            return 2;
        }
        SocketName local;
        SocketName miSocket;
        try {
            local = SocketName.parse(socket);
            miSocket = MiSocketDefault.orDefault(mi);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        }
        try (Endpoint endpoint = Endpoints.bound(local)) {
            return listen(endpoint, miSocket, err);
        } catch (IOException e) {
            if (stopping) {
                return 0;
            }
            err.println(e.getMessage());
            err.flush();
            return MiCli.NO_REPLY;
        }
    }

    private int listen(Endpoint endpoint, SocketName miSocket, PrintWriter err) throws IOException {
        String subscriber = endpoint.local() + (encoder == null ? "" : ";encoder=" + encoder);
        err.println("listening on " + endpoint.local());
        err.flush();
        MiSubscriptions subscriptions = new MiSubscriptions(miSocket, subscriber, events, expire, timeout, err);
        Thread hook = new Thread(() -> {
            stopping = true;
            subscriptions.unsubscribe();
            endpoint.close();
        }, "evi4j-listen-exit");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (!events.isEmpty()) {
                if (!subscriptions.subscribe()) {
                    return 1;
                }
                err.println("subscribed " + String.join(", ", events) + " (expire " + expire + " s)");
                err.flush();
            }
            receive(endpoint, subscriptions);
            return 0;
        } finally {
            subscriptions.unsubscribe();
            removeHook(hook);
        }
    }

    private void receive(Endpoint endpoint, MiSubscriptions subscriptions) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        byte[] buffer = new byte[MiClient.BUFFER];
        long refreshAt = System.nanoTime() + subscriptions.refreshPeriodMillis() * 1_000_000L;
        for (int received = 0; count == 0 || received < count;) {
            try {
                int length = endpoint.receive(buffer, POLL_MILLIS);
                out.println(line(buffer, length));
                out.flush();
                received++;
            } catch (SocketTimeoutException e) {
                // no event: time to look at the refresh clock
            }
            if (!events.isEmpty() && System.nanoTime() - refreshAt >= 0) {
                subscriptions.subscribe();
                refreshAt = System.nanoTime() + subscriptions.refreshPeriodMillis() * 1_000_000L;
            }
        }
    }

    private String line(byte[] buffer, int length) {
        if (!raw) {
            try {
                return ReceivedEvent.decode(buffer, length).toLine();
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("undecodable datagram (" + e.getMessage() + "), raw:");
            }
        }
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs, and its work is idempotent
        }
    }
}
