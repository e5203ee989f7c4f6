package org.evi4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.evi4j.api.Event;
import org.evi4j.api.StorageException;
import org.evi4j.api.SubscriberInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real disk trouble under a running engine: a change that cannot be made durable fails with a
 * {@link StorageException} and leaves memory exactly as it was; changes succeed again, by themselves, once the
 * disk is writable.
 */
class StorageFailureTest {

    @TempDir
    Path dir;

    private static List<Object> state(Fixture f) {
        return f.engine.subscribers("E_A").stream().map(s -> (Object) List.of(s.socket(), s.expire(), s.ttl(),
                s.sent())).toList();
    }

    @Test
    void whileTheDataFolderIsAFileChangesFailAndChangeNothingThenRecover() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        try (Journaled a = new Journaled(data)) {
            Fixture f = a.f;
            f.engine.publish("E_A");
            f.engine.subscribe("E_A", "udp:127.0.0.1:1", 100);
            f.engine.subscribe("E_A", "udp:127.0.0.1:2;encoder=legacy", 200);
            f.engine.raise(Event.of("E_A"));
            f.clock.advanceSeconds(5);
            List<Object> before = state(f);

            moveAway(data);
            Files.writeString(data, "a file where the folder was");
            assertThatThrownBy(() -> f.engine.subscribe("E_A", "udp:127.0.0.1:3", 300))
                    .isInstanceOf(StorageException.class).hasMessageContaining("not saved");
            assertThatThrownBy(() -> f.engine.subscribe("E_A", "udp:127.0.0.1:1", 300))
                    .as("a refresh").isInstanceOf(StorageException.class);
            assertThatThrownBy(() -> f.engine.subscribe("E_A", "udp:127.0.0.1:2", 0))
                    .as("expire 0").isInstanceOf(StorageException.class);
            assertThatThrownBy(() -> f.engine.unsubscribe("E_A", "udp:127.0.0.1:1"))
                    .isInstanceOf(StorageException.class);
            assertThat(state(f)).as("memory exactly as before").isEqualTo(before);
            assertThat(f.udp.parses.get() - f.udp.released.size())
                    .as("every destination parsed for a refused change given back once; the kept ones kept")
                    .isEqualTo(2);
            assertThat(f.engine.raise(Event.of("E_A"))).isEqualTo(2);
            assertThat(f.udp.addresses()).containsOnly("127.0.0.1:1", "127.0.0.1:2");

            Files.delete(data);
            Files.createDirectory(data);
            f.engine.subscribe("E_A", "udp:127.0.0.1:3", 300);
            f.engine.unsubscribe("E_A", "udp:127.0.0.1:1");
            try (Journaled b = a.crashRestart(Settings.defaults())) {
                assertThat(b.f.engine.subscribers("E_A")).extracting(SubscriberInfo::socket)
                        .containsExactly("udp:127.0.0.1:3", "udp:127.0.0.1:2;encoder=legacy");
            }
        }
    }

    @Test
    void concurrentChangesThatFailTogetherAreUndoneTogether() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        try (Journaled a = new Journaled(data)) {
            Fixture f = a.f;
            f.engine.publish("E_A");
            for (int port = 1; port <= 4; port++) {
                f.engine.subscribe("E_A", "udp:127.0.0.1:" + port, 100 * port);
            }
            List<Object> before = state(f);
            moveAway(data);
            Files.writeString(data, "a file where the folder was");
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
            try {
                List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    java.util.Random random = new java.util.Random(t);
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < 50; i++) {
                            String socket = "udp:127.0.0.1:" + (1 + random.nextInt(6));
                            try {
                                if (random.nextBoolean()) {
                                    f.engine.unsubscribe("E_A", socket);
                                } else {
                                    f.engine.subscribe("E_A", socket, 1 + random.nextInt(999));
                                }
                            } catch (StorageException expected) {
                                refused.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> d : done) {
                    d.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(refused.get()).as("every change that changed something").isPositive();
            assertThat(state(f)).as("memory exactly as before").isEqualTo(before);
            assertThat(f.udp.parses.get() - f.udp.released.size()).as("no destination lost or leaked")
                    .isEqualTo(4);
        }
    }

    @Test
    void aFullDiskRefusesChangesUntilThereIsRoomAgain() throws Exception {
        Path mount = Files.createDirectory(dir.resolve("tmpfs"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", mount.toString()),
                "mounting a tmpfs is not permitted here");
        try {
            Path data = Files.createDirectory(mount.resolve("data"));
            try (Journaled a = new Journaled(data)) {
                Fixture f = a.f;
                f.engine.publish("E_A");
                f.engine.subscribe("E_A", "udp:127.0.0.1:1", 100);
                Path filler = mount.resolve("filler");
                fill(filler);
                List<Object> before = state(f);
                StringBuilder big = new StringBuilder("/tmp/");
                big.append("x".repeat(8000));
                for (int i = 0; i < 20 && state(f).equals(before); i++) {
                    // the page the journal ends in may still have room: fill it with large records
                    try {
                        f.engine.subscribe("E_A", "unix:" + big + i, 100);
                        before = state(f);
                    } catch (StorageException expected) {
                        break;
                    }
                }
                assertThatThrownBy(() -> f.engine.subscribe("E_A", "udp:127.0.0.1:2", 100))
                        .isInstanceOf(StorageException.class).hasMessageContaining("No space left");
                assertThat(state(f)).isEqualTo(before);

                Files.delete(filler);
                f.engine.subscribe("E_A", "udp:127.0.0.1:2", 100);
                try (Journaled b = a.crashRestart(Settings.defaults())) {
                    assertThat(b.f.engine.subscribers("E_A")).extracting(SubscriberInfo::socket, SubscriberInfo::ttl)
                            .startsWith(tuple("udp:127.0.0.1:2", 100L)).endsWith(tuple("udp:127.0.0.1:1", 100L));
                }
            }
        } finally {
            run("umount", mount.toString());
        }
    }

    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[4096];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space")) {
                throw full;
            }
        }
    }

    private static void moveAway(Path data) throws IOException {
        Files.move(data, data.resolveSibling("data.away"));
    }

    private static boolean run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException noSuchCommand) {
            return false;
        }
    }
}
