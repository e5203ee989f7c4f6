package org.evi4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The launcher with the shipped default configuration (features/src/main/cfg, the UDP port moved to a free one),
 * run by this user, against clients run as other local users through {@code setpriv}: the read-only UDP MI socket,
 * the owner-only UNIX MI socket, and the CLI's refusal of a socket someone else put at the expected path. Needs
 * root (CI runs as root) to switch users; skipped otherwise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LauncherSecurityIT {

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Path FEATURES_CFG = Paths.get("../features/src/main/cfg");
    private static final List<String> NOBODY = List.of("setpriv", "--reuid=nobody", "--regid=nogroup",
            "--clear-groups");
    /** Another user who is in the runtime's group (root's): a group-writable socket would let it in. */
    private static final List<String> NOBODY_IN_ROOT_GROUP = List.of("setpriv", "--reuid=nobody", "--regid=0",
            "--clear-groups");

    private Path work;
    private String udp;
    private Path unixSocket;
    private LauncherProcess runtime;

    @BeforeAll
    void startWithTheShippedConfiguration() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "switching users needs root");
        Assumptions.assumeTrue(Files.isExecutable(Paths.get("/usr/bin/setpriv")), "setpriv (util-linux) needed");
        work = Files.createTempDirectory(Path.of("/tmp"), "evi4j-sec");
        // other users may enter the folder (as they may enter a service's folder), not write to it
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path etc = Files.createDirectories(work.resolve("etc"));
        udp = "udp:127.0.0.1:" + freeUdpPort();
        for (String name : List.of("org.evi4j.core.cfg", "org.evi4j.mi.datagram-udp.cfg",
                "org.evi4j.mi.datagram-unix.cfg")) {
            Files.writeString(etc.resolve(name), Files.readString(FEATURES_CFG.resolve(name))
                    .replace("udp:127.0.0.1:8080", udp));
        }
        unixSocket = work.resolve("data/evi4j_mi.sock");
        runtime = LauncherProcess.start(work, "runtime", "run", "--etc", etc.toString(), "--data", "data");
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(50)).until(() -> {
            assertThat(runtime.isAlive()).as("runtime alive").isTrue();
            return Files.exists(unixSocket, LinkOption.NOFOLLOW_LINKS) && mi(List.of(), "--socket", udp, "version") == 0;
        });
    }

    @AfterAll
    void stop() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
        if (work != null) {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Runs {@code mi ARGS} as the user the prefix makes; returns the exit status. */
    private int mi(List<String> user, String... args) throws Exception {
        return cli(user, "mi", args).waitFor(60);
    }

    private LauncherProcess cli(List<String> user, String name, String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = name;
        System.arraycopy(args, 0, all, 1, args.length);
        return LauncherProcess.startAs(user, work, "cli", all);
    }

    @Test
    void anotherUserMayReadThroughTheUdpSocketButNotSubscribe() throws Exception {
        try (LauncherProcess version = cli(NOBODY, "mi", "--socket", udp, "version")) {
            assertThat(version.waitFor(60)).as(version.output()).isZero();
        }
        try (LauncherProcess subscribe = cli(NOBODY, "mi", "--socket", udp, "event_subscribe", "E_DEMO",
                "udp:127.0.0.1:9", "60")) {
            assertThat(subscribe.waitFor(60)).as(subscribe.output()).isEqualTo(1);
            assertThat(subscribe.stderr()).contains("Forbidden");
        }
        try (LauncherProcess list = cli(List.of(), "mi", "--socket", udp, "subscribers_list", "E_DEMO")) {
            assertThat(list.waitFor(60)).as(list.output()).isZero();
            assertThat(list.stdout()).doesNotContain("udp:127.0.0.1:9");
        }
    }

    @Test
    void theOwnerUsesTheFullMiOverTheUnixSocketByDefault() throws Exception {
        try (LauncherProcess subscribe = cli(List.of(), "mi", "event_subscribe", "E_DEMO", "udp:127.0.0.1:19", "60")) {
            assertThat(subscribe.waitFor(60)).as(subscribe.output()).isZero();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(unixSocket, LinkOption.NOFOLLOW_LINKS)))
                .isEqualTo("rw-------");
    }

    @Test
    void otherUsersCannotSendToTheUnixSocketEvenInTheRuntimesGroup() throws Exception {
        for (List<String> user : List.of(NOBODY, NOBODY_IN_ROOT_GROUP)) {
            try (LauncherProcess subscribe = cli(user, "mi", "--socket", "unix:" + unixSocket, "event_subscribe",
                    "E_DEMO", "udp:127.0.0.1:29", "60")) {
                assertThat(subscribe.waitFor(60)).as(subscribe.output()).isEqualTo(3);
                assertThat(subscribe.stderr()).containsIgnoringCase("permission denied");
            }
        }
    }

    @Test
    void theCliRefusesASocketSomeoneElsePutAtThePath() throws Exception {
        Path squatFolder = Files.createDirectories(work.resolve("shared"));
        Files.setPosixFilePermissions(squatFolder, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path squatted = squatFolder.resolve("mi.sock");
        try (LauncherProcess squatter = cli(NOBODY, "listen", "unix:" + squatted, "--raw", "--count", "1")) {
            await().atMost(STARTUP).until(() -> Files.exists(squatted, LinkOption.NOFOLLOW_LINKS)
                    || !squatter.isAlive());
            try (LauncherProcess victim = cli(List.of(), "mi", "--socket", "unix:" + squatted, "version")) {
                assertThat(victim.waitFor(60)).as(victim.output()).isEqualTo(3);
                assertThat(victim.stderr()).contains("belongs to uid 65534");
            }
            assertThat(squatter.stdout()).as("the squatter received nothing").isEmpty();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
