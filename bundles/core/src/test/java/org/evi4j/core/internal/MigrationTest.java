package org.evi4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.evi4j.api.SubscriberInfo;
import org.evi4j.core.internal.SubscriptionStore.Stored;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subscriptions file of earlier versions, read once into the journal; crafted files stay within the limits. */
class MigrationTest {

    private static final String V2 = "# evi4j subscriptions 2";
    private static final long T = Fixture.START;

    @TempDir
    Path dir;

    private Path v2(List<String> lines) throws Exception {
        return Files.write(dir.resolve(SubscriptionStore.NAME), lines);
    }

    @Test
    void aVersion2FileIsMovedIntoTheJournalOnFirstStart() throws Exception {
        Path old = v2(List.of(V2, "E_A mq u%3Apw%40h%2Fk u%40h%2Fk  " + T + " 60",
                "E_A udp 127.0.0.1%3A1 127.0.0.1%3A1 legacy " + (T - 10_000) + " 100", "# end 2"));
        try (Journaled a = new Journaled(dir)) {
            assertThat(a.f.engine.subscribers("E_A")).extracting(SubscriberInfo::socket, SubscriberInfo::ttl)
                    .containsExactly(tuple("udp:127.0.0.1:1;encoder=legacy", 90L), tuple("mq:u@h/k", 60L));
            assertThat(old).as("migrated: the journal holds it now").doesNotExist();
        }
        assertThat(new JournalLog(dir, new org.evi4j.testkit.TestClock(T), 0, 10).load())
                .extracting(Stored::address).containsExactly("u:pw@h/k", "127.0.0.1:1");
    }

    @Test
    void aVersion1FileIsReadWithTheAddressAsShownAddress() throws Exception {
        v2(List.of("# evi4j subscriptions 1", "E_A udp 127.0.0.1%3A1  " + T + " 100",
                "E_B unix %2Ftmp%2Fx+y legacy " + T + " 200", "# end 2"));
        assertThat(new SubscriptionStore(dir.resolve(SubscriptionStore.NAME)).load()).containsExactly(
                new Stored("E_A", "udp", "127.0.0.1:1", "127.0.0.1:1", null, T, 100),
                new Stored("E_B", "unix", "/tmp/x y", "/tmp/x y", "legacy", T, 200));
    }

    @Test
    void aFileMissingOnlyItsEndLineKeepsItsWholeLines() throws Exception {
        Files.writeString(dir.resolve(SubscriptionStore.NAME), V2 + "\nE_A udp 127.0.0.1%3A1 127.0.0.1%3A1  " + T
                + " 100\nE_A udp 127.0.0.1%3A2 127.0.0.1%3A2  " + T + " 100\nE_A udp 127.0.0.1%3A3 127.0");
        try (Journaled a = new Journaled(dir)) {
            assertThat(a.f.engine.subscribers("E_A")).extracting(SubscriberInfo::socket)
                    .containsExactly("udp:127.0.0.1:2", "udp:127.0.0.1:1");
        }
    }

    @Test
    void aFileWithoutHeaderIsSetAside() throws Exception {
        Path old = Files.writeString(dir.resolve(SubscriptionStore.NAME), "garbage\n");
        try (Journaled a = new Journaled(dir)) {
            assertThat(a.f.engine.events()).isEmpty();
        }
        assertThat(old).doesNotExist();
        assertThat(dir.resolve(SubscriptionStore.NAME + ".corrupt")).hasContent("garbage");
    }

    @Test
    void aCraftedFileGetsNoFurtherThanTheLimitsOfALiveSubscription() throws Exception {
        List<String> lines = new ArrayList<>(List.of(V2));
        for (int i = 0; i < 12_500; i++) {
            String event = i < 11_000 ? "E_A" : "E_B" + (i % 3);
            lines.add(event + " udp 127.0.0.1%3A" + (1 + i) + " 127.0.0.1%3A" + (1 + i) + "  " + T + " 3600");
        }
        lines.add("E_C udp 127.0.0.1%3A1 127.0.0.1%3A1  " + T + " 9000000000000");
        lines.add("E_C udp 127.0.0.1%3A2 127.0.0.1%3A2  " + T + " 86401");
        lines.add("E_C udp 127.0.0.1%3A3 127.0.0.1%3A3  " + (T + 9_000_000_000_000L) + " 600");
        lines.add("E_C udp 127.0.0.1%3A4 127.0.0.1%3A4  " + T + " 86400");
        lines.add("# end 12504");
        v2(lines);
        Settings limits = Fixture.settings(Settings.defaults().allowedDestinations(), 86_400, 1000, 2500);
        try (Journaled a = new Journaled(dir, limits, T, 10_000)) {
            assertThat(a.f.engine.subscribers("E_A")).as("max_subscribers_per_event").hasSize(1000);
            int total = 0;
            for (var e : a.f.engine.events()) {
                total += a.f.engine.subscribers(e.name()).size();
            }
            assertThat(total).as("max_subscribers").isEqualTo(2500);
            try (Journaled b = a.crashRestart(limits)) {
                assertThat(b.f.engine.subscribers("E_A")).as("the journal holds what was restored").hasSize(1000);
            }
        }
        Settings roomy = Fixture.settings(Settings.defaults().allowedDestinations(), 86_400, 1000, 10_000);
        v2(List.of(V2, "E_C udp 127.0.0.1%3A1 127.0.0.1%3A1  " + T + " 9000000000000",
                "E_C udp 127.0.0.1%3A2 127.0.0.1%3A2  " + T + " 86401",
                "E_C udp 127.0.0.1%3A3 127.0.0.1%3A3  " + (T + 9_000_000_000_000L) + " 600",
                "E_C udp 127.0.0.1%3A4 127.0.0.1%3A4  " + T + " 86400", "# end 4"));
        Files.delete(dir.resolve(JournalFile.NAME));
        try (Journaled c = new Journaled(dir, roomy, T, 10_000)) {
            assertThat(c.f.engine.subscribers("E_C")).as("max_expire; a future time gives at most the expire")
                    .extracting(SubscriberInfo::socket, SubscriberInfo::ttl)
                    .containsExactly(tuple("udp:127.0.0.1:4", 86_400L), tuple("udp:127.0.0.1:3", 600L));
        }
    }
}
