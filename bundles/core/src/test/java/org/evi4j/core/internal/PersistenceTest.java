package org.evi4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.evi4j.api.Event;
import org.evi4j.api.EventInfo;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.core.internal.SubscriptionStore.Stored;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subscriptions kept in the journal of a real folder and brought back by the next start. */
class PersistenceTest {

    @TempDir
    Path dir;

    @Test
    void subscriptionsComeBackWithTheirRemainingTtlOrderAndEncoder() {
        Journaled a = new Journaled(dir);
        a.f.engine.publish("E_A");
        a.f.engine.subscribe("E_A", "udp:127.0.0.1:1", 100);
        a.f.engine.subscribe("E_A", "unix:/tmp/x y;encoder=legacy", 200);
        a.f.clock.advanceSeconds(30);
        try (Journaled b = a.restart(10)) {
            assertThat(b.f.engine.subscribers("E_A")).extracting(SubscriberInfo::socket, SubscriberInfo::expire,
                    SubscriberInfo::ttl).containsExactly(
                            tuple("unix:/tmp/x y;encoder=legacy", 200, 160L),
                            tuple("udp:127.0.0.1:1", 100, 60L));
            b.f.engine.raise(Event.of("E_A"));
            assertThat(b.f.unix.texts("/tmp/x y")).containsExactly("legacy:E_A");
            assertThat(b.f.udp.texts("127.0.0.1:1")).containsExactly("jsonrpc:E_A");
        }
    }

    @Test
    void everyAnsweredChangeIsInTheFileBeforeTheAnswerWithoutAnOrderlyStop() {
        Journaled a = new Journaled(dir);
        a.f.engine.publish("E_A");
        a.f.engine.subscribe("E_A", "udp:127.0.0.1:1", 100);
        a.f.engine.subscribe("E_A", "udp:127.0.0.1:2", 100);
        a.f.engine.subscribe("E_A", "udp:127.0.0.1:1", 300);
        a.f.engine.unsubscribe("E_A", "udp:127.0.0.1:2");
        a.f.engine.subscribe("E_A", "udp:127.0.0.1:3", 0);
        try (Journaled b = a.crashRestart(Settings.defaults())) {
            assertThat(b.f.engine.subscribers("E_A")).extracting(SubscriberInfo::socket, SubscriberInfo::expire)
                    .containsExactly(tuple("udp:127.0.0.1:1", 300));
        }
        a.close();
    }

    @Test
    void concurrentChangesOfTheSameSubscribersLeaveTheJournalEqualToMemory() throws Exception {
        Journaled a = new Journaled(dir, Settings.defaults(), Fixture.START, 50);
        a.f.engine.publish("E_A");
        a.f.engine.publish("E_B");
        int threads = 6;
        int changes = 150;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                java.util.Random random = new java.util.Random(t);
                done.add(pool.submit(() -> {
                    for (int i = 0; i < changes; i++) {
                        String event = random.nextBoolean() ? "E_A" : "E_B";
                        String socket = "udp:127.0.0.1:" + (1 + random.nextInt(8));
                        if (random.nextInt(3) == 0) {
                            a.f.engine.unsubscribe(event, socket);
                        } else {
                            a.f.engine.subscribe(event, socket, 100 + random.nextInt(100));
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        try (Journaled b = a.crashRestart(Settings.defaults())) {
            for (String event : List.of("E_A", "E_B")) {
                assertThat(b.f.engine.subscribers(event)).extracting(SubscriberInfo::socket, SubscriberInfo::expire)
                        .containsExactlyElementsOf(a.f.engine.subscribers(event).stream()
                                .map(s -> tuple(s.socket(), s.expire())).toList());
            }
        }
        a.close();
    }

    @Test
    void expiredSubscriptionsAreNotRestored() {
        Journaled a = new Journaled(dir);
        a.f.engine.publish("E_A");
        a.f.engine.subscribe("E_A", "udp:127.0.0.1:1", 10);
        a.f.engine.subscribe("E_A", "udp:127.0.0.1:2", 100);
        try (Journaled b = a.restart(10)) {
            assertThat(b.f.engine.subscribers("E_A")).extracting(SubscriberInfo::socket)
                    .containsExactly("udp:127.0.0.1:2");
        }
    }

    @Test
    void eventsNotPublishedYetArePublishedInRestoreOrder() {
        Journaled a = new Journaled(dir);
        a.f.engine.publish("E_A");
        a.f.engine.publish("E_B");
        a.f.engine.publish("E_C");
        a.f.engine.subscribe("E_C", "udp:127.0.0.1:1");
        a.f.engine.subscribe("E_B", "udp:127.0.0.1:1");
        try (Journaled b = a.restart(0)) {
            assertThat(b.f.engine.events()).extracting(EventInfo::name).containsExactly("E_C", "E_B");
            assertThat(b.f.engine.subscribers("E_B")).hasSize(1);
        }
    }

    @Test
    void restoredSubscriberWaitsForItsTransport() {
        Journaled a = new Journaled(dir);
        a.f.engine.publish("E_A");
        a.f.engine.subscribe("E_A", "udp:127.0.0.1:1");
        a.close();
        Fixture g = new Fixture();
        g.unbind(g.udp);
        JournalLog journal = new JournalLog(dir, g.clock, 0, 100);
        journal.open(g.engine.restore(journal.load()));
        assertThat(g.engine.raise(Event.of("E_A"))).as("a live subscriber; the send is counted").isEqualTo(1);
        assertThat(g.engine.subscriber("E_A", "udp:127.0.0.1:1")).get()
                .extracting(SubscriberInfo::undelivered).isEqualTo(1L);
        g.transports.add(g.udp, g.props("evi.transport", "udp", 0));
        assertThat(g.engine.raise(Event.of("E_A"))).isEqualTo(1);
        assertThat(g.udp.addresses()).containsExactly("127.0.0.1:1");
        journal.close();
    }

    @Test
    void theJournalIsCompactedAndStaysSmall() throws Exception {
        Journaled a = new Journaled(dir, Settings.defaults(), Fixture.START, 10);
        a.f.engine.publish("E_A");
        for (int i = 0; i < 200; i++) {
            a.f.engine.subscribe("E_A", "udp:127.0.0.1:" + (1 + i % 3), 100 + i);
        }
        assertThat(Files.size(dir.resolve(JournalFile.NAME))).as("3 subscribers and at most 10 records")
                .isLessThan(8 + 13 * 80);
        try (Journaled b = a.crashRestart(Settings.defaults())) {
            assertThat(b.f.engine.subscribers("E_A")).extracting(SubscriberInfo::socket, SubscriberInfo::expire)
                    .containsExactlyInAnyOrder(tuple("udp:127.0.0.1:1", 298), tuple("udp:127.0.0.1:2", 299),
                            tuple("udp:127.0.0.1:3", 297));
        }
        a.close();
    }

    @Test
    void fieldsAreReadBackExactly() {
        List<Stored> saved = List.of(
                new Stored("E_A", "unix", "/tmp/a b\nc%;= ", "/tmp/a b\nc%;= ", null, Fixture.START, 7),
                new Stored("E_Ü", "udp", "[::1]:9", "[::1]:9", "legacy", Fixture.START, 3600),
                new Stored("E_A", "mq", "u:p w%@h/x;persistent?k", "u@h/x;persistent?k", "legacy", Fixture.START,
                        60));
        JournalLog journal = new JournalLog(dir, new org.evi4j.testkit.TestClock(Fixture.START), 0, 100);
        journal.open(saved);
        journal.close();
        assertThat(new JournalLog(dir, new org.evi4j.testkit.TestClock(Fixture.START), 0, 100).load())
                .isEqualTo(saved);
    }

    @Test
    void theJournalIsForTheOwnerOnlyAndLeftoversOfACrashAreDeleted() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path leftover = dir.resolve(JournalFile.NAME + ".0123abcd.tmp");
        Files.writeString(leftover, "left by a crash during a snapshot");
        try (Journaled a = new Journaled(dir)) {
            a.f.engine.publish("E_A");
            a.f.engine.subscribe("E_A", "udp:127.0.0.1:1");
            assertThat(Files.getPosixFilePermissions(dir.resolve(JournalFile.NAME)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(leftover).doesNotExist();
            try (var names = Files.list(dir)) {
                assertThat(names.map(p -> p.getFileName().toString())).containsExactly(JournalFile.NAME);
            }
        }
    }

    @Test
    void aLinkInPlaceOfTheJournalIsNeitherReadNorWrittenThrough() throws Exception {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path data = Files.createDirectory(dir.resolve("data"));
        Path target = elsewhere.resolve("victim");
        Files.writeString(target, "not yours");
        Files.createSymbolicLink(data.resolve(JournalFile.NAME), target);
        try (Journaled a = new Journaled(data)) {
            a.f.engine.publish("E_A");
            a.f.engine.subscribe("E_A", "udp:127.0.0.1:1");
            assertThat(Files.isSymbolicLink(data.resolve(JournalFile.NAME))).isFalse();
            assertThat(Files.isSymbolicLink(data.resolve(JournalFile.NAME + ".corrupt"))).as("set aside").isTrue();
        }
        assertThat(target).hasContent("not yours");
    }

    @Test
    void missingFilesMeanNothingToRestore() {
        try (Journaled a = new Journaled(dir)) {
            assertThat(a.f.engine.events()).isEmpty();
        }
    }
}
