package org.evi4j.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A private RabbitMQ node for tests, run from Debian's {@code rabbitmq-server} package: its own node name, AMQP and
 * distribution ports on 127.0.0.1, data and logs in a temporary folder, no plugins, and the {@code guest} user
 * allowed from loopback. {@link #stopApp()} and {@link #startApp()} simulate an outage (the listener goes away and
 * every connection drops, the node keeps its users and exchanges); {@link #close()} stops the node and deletes the
 * folder. The package must be installed ({@code apt-get install rabbitmq-server}, as {@code .ci/run} does): without
 * it, {@link #start()} fails rather than letting broker tests pass without a broker.
 */
public final class RabbitBroker implements AutoCloseable {

    private static final Path BIN = Path.of("/usr/lib/rabbitmq/bin");
    private static final Path SERVER = BIN.resolve("rabbitmq-server");
    private static final Path CTL = BIN.resolve("rabbitmqctl");
    private static final String HOST = BrokerHome.HOST;
    private static final long START_TIMEOUT_MS = 60_000;
    private static final long CTL_TIMEOUT_MS = 60_000;

    private final Path home;
    private final String nodeName;
    private final int port;
    private final Map<String, String> env;
    private final Process server;

    private RabbitBroker(Path home, String nodeName, int port, int distPort) throws IOException {
        this.home = home;
        this.nodeName = nodeName;
        this.port = port;
        this.env = environment(home, nodeName, port, distPort);
        Files.writeString(home.resolve("plugins"), "[].\n");
        Files.writeString(home.resolve("rabbitmq-env.conf"), "");
        Files.writeString(home.resolve("rabbitmq.conf"),
                "loopback_users = none\nlisteners.tcp.default = " + HOST + ":" + port + "\n");
        ProcessBuilder builder = new ProcessBuilder(SERVER.toString())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("server.out").toFile());
        builder.environment().putAll(env);
        this.server = builder.start();
    }

    /**
     * Starts a node and waits (at most a minute) until it accepts AMQP connections.
     *
     * @throws IllegalStateException when rabbitmq-server is not installed or the node does not come up
     */
    public static RabbitBroker start() throws IOException {
        if (!Files.isExecutable(SERVER) || !Files.isExecutable(CTL)) {
            throw new IllegalStateException(SERVER + " is missing: install rabbitmq-server, as .ci/run does "
                    + "(apt-get install -y rabbitmq-server); the RabbitMQ tests need a real broker");
        }
        String nodeName = "evi4j-" + ProcessHandle.current().pid() + "-"
                + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36) + "@localhost";
        Path home = Files.createTempDirectory("evi4j-rabbitmq-");
        RabbitBroker broker = null;
        try {
            broker = new RabbitBroker(home, nodeName, BrokerHome.freePort(), BrokerHome.freePort());
            broker.awaitListener();
            return broker;
        } catch (IOException | RuntimeException e) {
            if (broker != null) {
                broker.close();
            } else {
                BrokerHome.deleteTree(home);
            }
            throw e;
        }
    }

    private static Map<String, String> environment(Path home, String nodeName, int port, int distPort) {
        return Map.ofEntries(
                Map.entry("HOME", home.toString()),
                Map.entry("RABBITMQ_NODENAME", nodeName),
                Map.entry("RABBITMQ_NODE_IP_ADDRESS", HOST),
                Map.entry("RABBITMQ_NODE_PORT", Integer.toString(port)),
                Map.entry("RABBITMQ_DIST_PORT", Integer.toString(distPort)),
                Map.entry("RABBITMQ_MNESIA_BASE", home.resolve("mnesia").toString()),
                Map.entry("RABBITMQ_LOG_BASE", home.resolve("log").toString()),
                Map.entry("RABBITMQ_ENABLED_PLUGINS_FILE", home.resolve("plugins").toString()),
                Map.entry("RABBITMQ_CONFIG_FILE", home.resolve("rabbitmq").toString()),
                Map.entry("RABBITMQ_CONF_ENV_FILE", home.resolve("rabbitmq-env.conf").toString()),
                Map.entry("ERL_EPMD_ADDRESS", HOST));
    }

    /** The broker's address: {@code 127.0.0.1}. */
    public String host() {
        return HOST;
    }

    /** The AMQP port. */
    public int port() {
        return port;
    }

    /** The Erlang node name, such as {@code evi4j-1234-k3j2@localhost}. */
    public String nodeName() {
        return nodeName;
    }

    /** The folder holding the node's data, logs ({@code log/}) and console output ({@code server.out}). */
    public Path home() {
        return home;
    }

    /** Stops the RabbitMQ application: the AMQP listener closes and every client connection is dropped. */
    public void stopApp() {
        ctl("stop_app");
    }

    /** Starts the application again after {@link #stopApp()} and waits until it accepts AMQP connections. */
    public void startApp() {
        ctl("start_app");
        awaitListener();
    }

    /** Adds a user with every permission on the default virtual host. */
    public void addUser(String user, String password) {
        ctl("add_user", user, password);
        ctl("set_permissions", "-p", "/", user, ".*", ".*", ".*");
    }

    /** The user names of the client connections open now, one per connection. */
    public List<String> connectionUsers() {
        List<String> users = new ArrayList<>();
        for (String line : ctl("list_connections", "-q", "--no-table-headers", "user").split("\n")) {
            if (!line.isBlank()) {
                users.add(line.trim());
            }
        }
        return users;
    }

    /**
     * Runs {@code rabbitmqctl -n NODE ARGS...} against this node (at most a minute).
     *
     * @return its standard output
     * @throws IllegalStateException when it fails, with its output
     */
    public String ctl(String... args) {
        List<String> command = new ArrayList<>(List.of(CTL.toString(), "-n", nodeName));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(home, "ctl-", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            builder.environment().putAll(env);
            Process ctl = builder.start();
            try {
                if (!ctl.waitFor(CTL_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("rabbitmqctl " + String.join(" ", args) + " timed out");
                }
            } finally {
                ctl.descendants().forEach(ProcessHandle::destroyForcibly);
                ctl.destroyForcibly();
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            Files.delete(out);
            if (ctl.exitValue() != 0) {
                throw new IllegalStateException("rabbitmqctl " + String.join(" ", args) + " exited with "
                        + ctl.exitValue() + ": " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running rabbitmqctl", e);
        }
    }

    private void awaitListener() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        while (System.nanoTime() - deadline < 0) {
            if (!server.isAlive()) {
                throw new IllegalStateException("RabbitMQ node " + nodeName + " exited with " + server.exitValue()
                        + ": " + BrokerHome.tail(home.resolve("server.out")));
            }
            if (accepts()) {
                return;
            }
            BrokerHome.pause(100, "RabbitMQ");
        }
        throw new IllegalStateException("RabbitMQ node " + nodeName + " does not accept connections on port "
                + port + " after " + START_TIMEOUT_MS + " ms: " + BrokerHome.tail(home.resolve("server.out")));
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the node (gracefully if it can, at most a minute; killed otherwise) and deletes its folder. */
    @Override
    public void close() {
        try {
            if (server.isAlive()) {
                try {
                    ctl("stop");
                } catch (RuntimeException e) {
                    // killed below
                }
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    kill();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        } finally {
            BrokerHome.deleteTree(home);
        }
    }

    private void kill() {
        server.descendants().forEach(ProcessHandle::destroyForcibly);
        server.destroyForcibly();
    }

    @Override
    public String toString() {
        return "RabbitMQ " + nodeName + " on " + HOST + ":" + port;
    }
}
