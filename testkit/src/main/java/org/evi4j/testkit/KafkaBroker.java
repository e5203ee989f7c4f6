package org.evi4j.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A private Apache Kafka broker for tests: one KRaft node (broker and controller) in a child JVM, listening on two
 * free ports of 127.0.0.1, its log folder in a temporary folder, small heap ({@code -Xmx64m}, the log cleaner's
 * buffer shrunk to fit, TOOLCHAIN G33). {@link #kill()} and {@link #restart()} simulate an outage on the same ports
 * with the same topics; {@link #close()} kills the broker and deletes the folder. Its class path comes from the
 * {@code kafka-broker} module (system property {@value #CLASSPATH_PROPERTY}, set by the build's surefire and
 * failsafe): nothing of the broker is on a test's class path. Ready in about 4 s.
 */
public final class KafkaBroker implements AutoCloseable {

    /** The system property naming the file that holds the broker's class path. */
    public static final String CLASSPATH_PROPERTY = "evi4j.kafka.broker.classpath";

    private static final String HOST = BrokerHome.HOST;
    private static final long START_TIMEOUT_MS = 60_000;
    private static final long STOP_TIMEOUT_MS = 30_000;
    /** What the broker logs (through slf4j-simple, to the console file) once it serves clients. */
    private static final String STARTED = "Kafka Server started";

    private final Path home;
    private final String classPath;
    private final String clusterId = UUID.randomUUID().toString();
    private final int port;
    private final int controllerPort;
    private Process process;
    private int starts;

    private KafkaBroker(Path home, String classPath, int port, int controllerPort) throws IOException {
        this.home = home;
        this.classPath = classPath;
        this.port = port;
        this.controllerPort = controllerPort;
        Files.writeString(home.resolve("server.properties"), serverProperties());
        Path main = home.resolve("classes/org/evi4j/testkit/KafkaMain.class");
        Files.createDirectories(main.getParent());
        try (InputStream in = KafkaBroker.class.getResourceAsStream("KafkaMain.class")) {
            if (in == null) {
                throw new IllegalStateException("KafkaMain.class not found beside " + KafkaBroker.class);
            }
            Files.copy(in, main);
        }
    }

    /**
     * Starts a broker and waits (at most a minute) until it serves clients.
     *
     * @throws IllegalStateException when the class path is unknown or the broker does not come up
     */
    public static KafkaBroker start() throws IOException {
        String file = System.getProperty(CLASSPATH_PROPERTY);
        if (file == null || !Files.isRegularFile(Path.of(file))) {
            throw new IllegalStateException("system property " + CLASSPATH_PROPERTY + " names no file (" + file
                    + "): build the kafka-broker module first, as mvn -pl ... -am does");
        }
        String classPath = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        Path home = Files.createTempDirectory("evi4j-kafka-");
        KafkaBroker broker = null;
        try {
            broker = new KafkaBroker(home, classPath, BrokerHome.freePort(), BrokerHome.freePort());
            broker.launch();
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

    private String serverProperties() {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + HOST + ":" + controllerPort,
                "listeners=PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort,
                "advertised.listeners=PLAINTEXT://" + HOST + ":" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + home.resolve("logs"),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "log.cleaner.dedupe.buffer.size=2097152",
                // after a kill, the restarted broker registers again once its old session has expired: soon
                "broker.session.timeout.ms=2000",
                "broker.heartbeat.interval.ms=500",
                "");
    }

    private void launch() throws IOException {
        starts++;
        Path console = home.resolve("console-" + starts + ".out");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", classPath + java.io.File.pathSeparator + home.resolve("classes"),
                KafkaMain.class.getName(), clusterId, home.resolve("server.properties").toString()));
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile()).start();
        awaitStarted(console);
    }

    private void awaitStarted(Path console) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with " + process.exitValue() + ": "
                        + BrokerHome.tail(console));
            }
            if (read(console).contains(STARTED)) {
                return;
            }
            BrokerHome.pause(50, "Kafka");
        }
        throw new IllegalStateException("Kafka broker not started after " + START_TIMEOUT_MS + " ms: "
                + BrokerHome.tail(console));
    }

    /** {@code 127.0.0.1:PORT}, the broker list of a socket. */
    public String bootstrap() {
        return HOST + ":" + port;
    }

    /** The client port. */
    public int port() {
        return port;
    }

    /** The folder holding the broker's log folder and console output. */
    public Path home() {
        return home;
    }

    /** Kills the broker at once (SIGKILL): connections drop, nothing is flushed. {@link #restart()} brings it back. */
    public void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(STOP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while killing the Kafka broker", e);
            }
        }
    }

    /** Starts the broker again after {@link #kill()}, on the same ports with the same topics, and waits for it. */
    public void restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the Kafka broker is running");
        }
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path console) {
        try {
            return Files.readString(console, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no console output: " + e + ")";
        }
    }

    /** Kills the broker and deletes its folder. */
    @Override
    public void close() {
        try {
            kill();
        } finally {
            BrokerHome.deleteTree(home);
        }
    }

    @Override
    public String toString() {
        return "Kafka broker on " + bootstrap();
    }
}
