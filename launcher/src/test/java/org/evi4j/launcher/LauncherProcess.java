package org.evi4j.launcher;

import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** {@code java -jar evi4j.jar ARGS} as a child process, its stdout and stderr in files. */
final class LauncherProcess implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("evi4j.jar", "target/evi4j.jar")).toAbsolutePath();

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private LauncherProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts the jar in {@code workDir}; output goes to {@code NAME.out} and {@code NAME.err} there. */
    static LauncherProcess start(Path workDir, String name, String... args) throws IOException {
        return startAs(List.of(), workDir, name, args);
    }

    /** As {@link #start}, the java command prefixed, e.g. by {@code setpriv --reuid=nobody ...}. */
    static LauncherProcess startAs(List<String> prefix, Path workDir, String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        Path out = workDir.resolve(name + ".out");
        Path err = workDir.resolve(name + ".err");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new LauncherProcess(process, out, err);
    }

    String stdout() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    /** Both outputs, for failure messages. */
    String output() throws IOException {
        return "--- stdout:\n" + stdout() + "--- stderr:\n" + stderr();
    }

    /** Sends SIGTERM. */
    void terminate() {
        process.destroy();
    }

    /** Deletes a test's work folder and everything in it. */
    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A UDP port free a moment ago on 127.0.0.1, for an MI socket. */
    static int freeUdpPort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0)) {
            return probe.getLocalPort();
        }
    }

    /** Sends SIGKILL: the JVM stops at once, as after kill -9 or the OOM killer. */
    void kill() {
        process.destroyForcibly();
    }

    /** Waits for the exit; -1 when it did not exit in time. */
    int waitFor(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
