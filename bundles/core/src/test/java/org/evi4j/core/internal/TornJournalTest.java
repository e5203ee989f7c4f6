package org.evi4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.evi4j.api.SubscriberInfo;
import org.evi4j.testkit.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal cut short by a crash: every cut inside its last record gives the state before that record, quietly;
 * zeros after the last record (a file extended but not written) likewise; damage inside the file keeps what comes
 * before it and sets a copy aside.
 */
class TornJournalTest {

    @TempDir
    Path dir;
    private byte[] whole;
    private int lastStart;

    @BeforeEach
    void writeAJournal() throws Exception {
        Path source = Files.createDirectory(dir.resolve("source"));
        Path journal = source.resolve(JournalFile.NAME);
        try (Journaled a = new Journaled(source)) {
            a.f.engine.publish("E_A");
            a.f.engine.subscribe("E_A", "udp:127.0.0.1:1", 100);
            a.f.engine.subscribe("E_A", "udp:127.0.0.1:2", 100);
            a.f.engine.unsubscribe("E_A", "udp:127.0.0.1:1");
            lastStart = (int) Files.size(journal);
            a.f.engine.subscribe("E_A", "udp:127.0.0.1:3;encoder=legacy", 100);
        }
        whole = Files.readAllBytes(journal);
    }

    private List<String> restoredFrom(byte[] bytes) throws Exception {
        Path data = Files.createTempDirectory(dir, "data");
        Files.write(data.resolve(JournalFile.NAME), bytes);
        try (Journaled b = new Journaled(data)) {
            assertThat(data.resolve(JournalFile.NAME + ".corrupt")).as("a torn tail is not damage").doesNotExist();
            return b.f.engine.subscribers("E_A").stream().map(SubscriberInfo::socket).toList();
        }
    }

    @Test
    void theWholeJournalGivesEveryChange() throws Exception {
        assertThat(restoredFrom(whole)).containsExactly("udp:127.0.0.1:3;encoder=legacy", "udp:127.0.0.1:2");
    }

    @Test
    void aLastRecordCutAtAnyByteIsIgnored() throws Exception {
        assertThat(whole.length - lastStart).isGreaterThan(JournalCodec.HEADER);
        for (int cut = lastStart; cut < whole.length; cut++) {
            assertThat(restoredFrom(Arrays.copyOf(whole, cut))).as("cut at %d", cut)
                    .containsExactly("udp:127.0.0.1:2");
        }
    }

    @Test
    void aLastRecordHalfWrittenOrFollowedByZerosIsIgnored() throws Exception {
        byte[] halfWritten = whole.clone();
        Arrays.fill(halfWritten, lastStart + 12, whole.length, (byte) 0);
        assertThat(restoredFrom(halfWritten)).containsExactly("udp:127.0.0.1:2");
        assertThat(restoredFrom(Arrays.copyOf(whole, whole.length + 4096)))
                .containsExactly("udp:127.0.0.1:3;encoder=legacy", "udp:127.0.0.1:2");
    }

    @Test
    void damageInsideKeepsWhatComesBeforeAndSetsACopyAside() throws Exception {
        byte[] damaged = whole.clone();
        damaged[lastStart - 3] ^= 0x55; // inside the unsubscribe record
        Path data = Files.createDirectory(dir.resolve("damaged"));
        Files.write(data.resolve(JournalFile.NAME), damaged);
        try (Journaled b = new Journaled(data)) {
            assertThat(b.f.engine.subscribers("E_A")).extracting(SubscriberInfo::socket)
                    .containsExactly("udp:127.0.0.1:2", "udp:127.0.0.1:1");
        }
        assertThat(data.resolve(JournalFile.NAME + ".corrupt")).hasBinaryContent(damaged);
        assertThat(new JournalLog(data, new TestClock(Fixture.START), 0, 10).load()).as("rewritten whole")
                .hasSize(2);
    }

    @Test
    void anyDamagedByteGivesAPrefixOfTheChangesNeverAnError() {
        JournalReplay intact = JournalReplay.of(whole);
        java.util.Random random = new java.util.Random(14);
        for (int i = 0; i < 2000; i++) {
            byte[] damaged = whole.clone();
            int at = JournalCodec.MAGIC.length + random.nextInt(whole.length - JournalCodec.MAGIC.length);
            damaged[at] ^= (byte) (1 + random.nextInt(255));
            JournalReplay replay = JournalReplay.of(damaged);
            assertThat(replay.records()).as("damage at %d", at).isLessThan(intact.records());
            assertThat(replay.ignored()).isPositive();
        }
    }

    @Test
    void aJournalOverTheSizeLimitIsNotReadButSetAside() throws Exception {
        Path data = Files.createDirectory(dir.resolve("huge"));
        Path journal = Files.write(data.resolve(JournalFile.NAME), whole);
        try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(journal.toFile(), "rw")) {
            sparse.setLength(JournalFile.MAX_BYTES + 1);
        }
        try (Journaled b = new Journaled(data)) {
            assertThat(b.f.engine.events()).isEmpty();
        }
        assertThat(data.resolve(JournalFile.NAME + ".corrupt")).hasSize(JournalFile.MAX_BYTES + 1);
    }

    @Test
    void aFileThatIsNoJournalIsSetAside() throws Exception {
        Path data = Files.createDirectory(dir.resolve("other"));
        Files.writeString(data.resolve(JournalFile.NAME), "# evi4j subscriptions 2\n");
        try (Journaled b = new Journaled(data)) {
            assertThat(b.f.engine.events()).isEmpty();
        }
        assertThat(data.resolve(JournalFile.NAME + ".corrupt")).hasContent("# evi4j subscriptions 2");
    }
}
