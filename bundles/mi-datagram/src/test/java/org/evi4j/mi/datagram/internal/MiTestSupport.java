package org.evi4j.mi.datagram.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.evi4j.mi.MiDispatcher;
import org.evi4j.testkit.Configs;

/** Configurations, dispatchers and helpers shared by the tests of this module. */
final class MiTestSupport {

    /** Answers every request with its bytes reversed. */
    static final MiDispatcher REVERSE = (request, reply, indent) -> {
        reply.clear();
        for (int i = request.limit() - 1; i >= request.position(); i--) {
            reply.put(request.get(i));
        }
        reply.flip();
        return true;
    };

    private MiTestSupport() {
    }

    /**
     * A configuration as DS would build it: the given properties (OpenSIPS names, e.g. {@code socket_name}), the
     * annotation's defaults for the others.
     */
    static MiDatagramConfig config(Object... keysAndValues) {
        Map<String, Object> properties = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Configs.of(MiDatagramConfig.class, properties);
    }

    static String text(ByteBuffer buffer) {
        return StandardCharsets.UTF_8.decode(buffer.duplicate()).toString();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String reversed(String s) {
        return new StringBuilder(s).reverse().toString();
    }

    /** Writes the text into the reply, flipped, as a dispatcher does. */
    static boolean answer(ByteBuffer reply, String text) {
        reply.clear();
        reply.put(bytes(text));
        reply.flip();
        return true;
    }

    /** A short temporary folder under /tmp: AF_UNIX paths are limited to 107 bytes. */
    static Path shortTempDir() throws IOException {
        return Files.createTempDirectory(Path.of("/tmp"), "mi");
    }

    static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The live reader threads of the socket. */
    static List<String> readerThreads(String socket) {
        String prefix = "evi4j-mi-" + socket + "-";
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith(prefix)).collect(Collectors.toList());
    }

    /** The kernel's limit of queued datagrams per UNIX socket (10 unless tuned). */
    static int unixQueueLength() {
        // procfs reports size 0, which makes Files.readString stop early: read the stream to its end
        try (InputStream in = Files.newInputStream(Path.of("/proc/sys/net/unix/max_dgram_qlen"))) {
            return Integer.parseInt(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException e) {
            return 10;
        }
    }
}
