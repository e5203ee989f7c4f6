package org.evi4j.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** What the private brokers for tests ({@link RabbitBroker}, {@link KafkaBroker}) share: ports, folders, waits. */
final class BrokerHome {

    static final String HOST = "127.0.0.1";
    private static final int TAIL_CHARS = 4000;

    private BrokerHome() {
    }

    /** A loopback port free now (bound to port 0 and closed). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    /** Sleeps between two looks at a starting broker. */
    static void pause(long millis, String what) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        }
    }

    /** The end of a broker's console output, for a failure message. */
    static String tail(Path console) {
        try {
            String text = Files.readString(console, StandardCharsets.UTF_8);
            return text.length() > TAIL_CHARS ? text.substring(text.length() - TAIL_CHARS) : text;
        } catch (IOException e) {
            return "(no console output: " + e + ")";
        }
    }

    /** Deletes a broker's folder; a temporary folder left behind is not worth failing a test for. */
    static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // left behind
        }
    }
}
