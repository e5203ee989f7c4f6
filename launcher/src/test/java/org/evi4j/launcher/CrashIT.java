package org.evi4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.evi4j.launcher.internal.cli.MiClient;
import org.evi4j.launcher.internal.cli.MiClient.MiUnavailableException;
import org.evi4j.miclient.MiReply;
import org.evi4j.support.net.SocketName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Acknowledged means durable (issue #14), with the launcher as users run it: a child process on one data folder
 * while a client subscribes and unsubscribes distinct sockets over the UDP MI as fast as it can; the JVM is killed
 * with SIGKILL at a seeded random moment 0.05–1.5 s after the round's first request, started again, and every
 * acknowledged subscription must be listed with a ttl that fits, no acknowledged unsubscription may be back, and
 * the runtime must have started normally. A request without a reply may go either way; what the restart shows of
 * it is taken as the truth from then on. And a data folder that disappears under the running launcher: changes
 * fail over the MI with a clear error, the subscriptions stay as they were, and changes succeed again once it is
 * back.
 */
@Timeout(240)
class CrashIT {

    private static final long SEED = Long.getLong("crash.seed", 20261207L);
    private static final int ROUNDS = Integer.getInteger("crash.rounds", 20);
    private static final int MAX_LIVE = 200;
    private static final Pattern SUBSCRIBER = Pattern.compile(
            "\"socket\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"expire\"\\s*:\\s*(\\d+)\\s*,\\s*\"ttl\"\\s*:\\s*(\\d+)");

    private Path work;
    private Path etc;
    private SocketName mi;
    private LauncherProcess runtime;
    /** Acknowledged subscriptions still expected: socket to when the request was sent and its expire. */
    private final Map<String, Sent> live = new HashMap<>();
    /** Sockets whose unsubscription was acknowledged (each socket is subscribed once at most). */
    private final List<String> gone = new ArrayList<>();
    /** Requests without a reply: either outcome is right; the next listing settles them. */
    private final Map<String, Sent> uncertain = new HashMap<>();
    private int nextPort = 1024;

    record Sent(long sentMillis, int expire) {
    }

    @BeforeEach
    void writeConfiguration() throws IOException {
        work = Files.createTempDirectory(Path.of("/tmp"), "evi4j-crash");
        etc = Files.createDirectories(work.resolve("etc"));
        mi = SocketName.parse("udp:127.0.0.1:" + LauncherProcess.freeUdpPort());
        // compaction every 64 records: kills also land in the middle of snapshots
        Files.writeString(etc.resolve("org.evi4j.core.cfg"),
                "published_events = E_DEMO\ncompact_after_records = 64\n");
        Files.writeString(etc.resolve("org.evi4j.mi.datagram-udp.cfg"), "socket_name = " + mi + "\n");
        // the client subscribes thousands of distinct sockets from one address: lift the per-client quota
        Files.writeString(etc.resolve("org.evi4j.evi.mi.cfg"), "max_subscriptions_per_source = 0\n");
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
        LauncherProcess.deleteTree(work);
    }

    @Test
    void acknowledgedChangesSurviveKillMinus9() throws Exception {
        Random random = new Random(SEED);
        int acknowledged = 0;
        for (int round = 0; round < ROUNDS; round++) {
            start(round);
            check(round);
            long killAfter = 50 + random.nextInt(1451);
            acknowledged += hammerThenKill(random, killAfter);
        }
        start(ROUNDS);
        check(ROUNDS);
        runtime.terminate();
        assertThat(runtime.waitFor(60)).as(runtime.output()).isZero();
        System.out.printf("[CrashIT] seed %d: %d rounds, %d acknowledged changes, %d live, %d unsubscribed%n", SEED,
                ROUNDS, acknowledged, live.size(), gone.size());
        assertThat(acknowledged).as("the client got answers between the kills").isGreaterThan(ROUNDS * 5);
    }

    @Test
    void whileTheDataFolderIsGoneChangesFailOverTheMiAndThenRecover() throws Exception {
        start(0);
        assertThat(subscribe("udp:127.0.0.1:9001", 600).ok()).isTrue();
        Path journalDir;
        try (Stream<Path> files = Files.walk(work.resolve("data"))) {
            journalDir = files.filter(p -> p.getFileName().toString().equals("subscriptions.journal")).findFirst()
                    .orElseThrow().getParent();
        }
        Path away = journalDir.resolveSibling("data.away");
        Files.move(journalDir, away);
        Files.writeString(journalDir, "a file where the data folder was");

        MiReply refused = subscribe("udp:127.0.0.1:9002", 600);
        assertThat(refused.ok()).isFalse();
        assertThat(refused.text()).startsWith("error -32000: Server error (subscription change not saved: ");
        try (MiClient legacy = MiClient.open(mi, true)) {
            assertThat(legacy.call("event_subscribe", List.of("E_DEMO", "udp:127.0.0.1:9001", "0"), true, 5000)
                    .text()).isEqualTo("error 500 Subscription not saved");
        }
        assertThat(listed()).containsOnlyKeys("udp:127.0.0.1:9001");
        assertThat(runtime.stderr()).contains("subscription changes not saved");

        Files.delete(journalDir);
        assertThat(subscribe("udp:127.0.0.1:9002", 600).ok()).as("recovered by itself").isTrue();
        runtime.kill();
        runtime.waitFor(30);
        start(1);
        assertThat(listed()).containsOnlyKeys("udp:127.0.0.1:9001", "udp:127.0.0.1:9002");
        runtime.terminate();
        assertThat(runtime.waitFor(60)).as(runtime.output()).isZero();
    }

    private MiReply subscribe(String socket, int expire) throws Exception {
        try (MiClient client = MiClient.open(mi, false)) {
            return client.call("event_subscribe", List.of("E_DEMO", socket, Integer.toString(expire)), true, 5000);
        }
    }

    private Map<String, long[]> listed() throws Exception {
        Map<String, long[]> listed = new HashMap<>();
        try (MiClient client = MiClient.open(mi, false)) {
            MiReply reply = client.call("subscribers_list", List.of("E_DEMO"), false, 5000);
            assertThat(reply.ok()).as(reply.text()).isTrue();
            Matcher m = SUBSCRIBER.matcher(reply.text());
            while (m.find()) {
                listed.put(m.group(1), new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3))});
            }
        }
        return listed;
    }

    private void start(int round) {
        runtime = null;
        try {
            runtime = LauncherProcess.start(work, "run" + round, "run", "--etc", etc.toString(), "--data", "data");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            if (!runtime.isAlive()) {
                throw new AssertionError("the runtime exited:\n" + runtime.output());
            }
            return answers();
        });
    }

    private boolean answers() {
        try (MiClient client = MiClient.open(mi, false)) {
            return client.call("version", List.of(), false, 200).ok();
        } catch (MiUnavailableException | IOException e) {
            return false;
        }
    }

    /** Subscribes and unsubscribes until the kill; returns how many changes were acknowledged. */
    private int hammerThenKill(Random random, long killAfterMillis) throws Exception {
        int acknowledged = 0;
        long firstRequest = System.nanoTime();
        Thread killer = new Thread(() -> {
            long wait = firstRequest + killAfterMillis * 1_000_000 - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            runtime.kill();
        }, "crash-killer");
        killer.start();
        try (MiClient client = MiClient.open(mi, false)) {
            while (true) {
                boolean unsubscribe = !live.isEmpty() && (live.size() >= MAX_LIVE || random.nextInt(5) < 2);
                String socket;
                int expire;
                if (unsubscribe) {
                    List<String> sockets = new ArrayList<>(live.keySet());
                    sockets.sort(null);
                    socket = sockets.get(random.nextInt(sockets.size()));
                    expire = 0;
                } else {
                    socket = "udp:127.0.0.1:" + nextPort++;
                    expire = 600 + random.nextInt(3000);
                }
                long sent = System.currentTimeMillis();
                MiReply reply;
                try {
                    reply = client.call("event_subscribe", List.of("E_DEMO", socket, Integer.toString(expire)),
                            true, 2000);
                } catch (MiUnavailableException killed) {
                    uncertain.put(socket, new Sent(sent, expire));
                    if (unsubscribe) {
                        live.remove(socket);
                    }
                    break;
                }
                assertThat(reply.ok()).as(reply.text()).isTrue();
                acknowledged++;
                if (unsubscribe) {
                    live.remove(socket);
                    gone.add(socket);
                } else {
                    live.put(socket, new Sent(sent, expire));
                }
            }
        }
        killer.join();
        assertThat(runtime.waitFor(30)).as("killed").isEqualTo(137);
        return acknowledged;
    }

    /** The listing after a start holds exactly what was acknowledged (plus whatever the unanswered ones became). */
    private void check(int round) throws Exception {
        Map<String, long[]> listed = listed();
        long now = System.currentTimeMillis();
        for (Map.Entry<String, Sent> e : live.entrySet()) {
            long[] got = listed.get(e.getKey());
            assertThat(got).as("round %d: acknowledged subscription %s is listed", round, e.getKey()).isNotNull();
            long maxAge = (now - e.getValue().sentMillis()) / 1000 + 1;
            assertThat(got[0]).as("expire of %s", e.getKey()).isEqualTo(e.getValue().expire());
            assertThat(got[1]).as("ttl of %s", e.getKey()).isBetween(e.getValue().expire() - maxAge,
                    (long) e.getValue().expire());
        }
        for (String socket : gone) {
            assertThat(listed).as("round %d: acknowledged unsubscription of %s", round, socket)
                    .doesNotContainKey(socket);
        }
        for (Map.Entry<String, Sent> e : uncertain.entrySet()) {
            if (listed.containsKey(e.getKey()) && e.getValue().expire() > 0) {
                live.put(e.getKey(), e.getValue());
            } else if (listed.containsKey(e.getKey())) {
                live.put(e.getKey(), new Sent(0, (int) listed.get(e.getKey())[0]));
            } else {
                gone.add(e.getKey());
            }
        }
        uncertain.clear();
        assertThat(listed).as("round %d: nothing listed that was never subscribed", round).hasSize(live.size());
        assertThat(runtime.stderr()).as("round %d: started normally", round).doesNotContain("corrupt")
                .doesNotContain("ERROR");
    }
}
