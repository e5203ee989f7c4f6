package org.evi4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
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

class PersistenceTest {

    @TempDir
    Path dir;

    private SubscriptionStore store() {
        return new SubscriptionStore(dir.resolve("subscriptions.txt"));
    }

    /** A second engine restored from what the first saved, {@code later} seconds after. */
    private Fixture restart(Fixture before, long later) {
        store().save(before.engine.stored());
        Fixture after = new Fixture();
        after.clock.advanceMillis(before.clock.millis() - after.clock.millis() + later * 1000);
        after.engine.restore(store().load());
        return after;
    }

    @Test
    void subscriptionsComeBackWithTheirRemainingTtlOrderAndEncoder() {
        Fixture f = new Fixture();
        f.engine.publish("E_A");
        f.engine.subscribe("E_A", "udp:127.0.0.1:1", 100);
        f.engine.subscribe("E_A", "unix:/tmp/x y;encoder=legacy", 200);
        f.clock.advanceSeconds(30);
        Fixture g = restart(f, 10);
        assertThat(g.engine.subscribers("E_A")).extracting(SubscriberInfo::socket, SubscriberInfo::expire,
                SubscriberInfo::ttl).containsExactly(
                        tuple("unix:/tmp/x y;encoder=legacy", 200, 160L),
                        tuple("udp:127.0.0.1:1", 100, 60L));
        g.engine.raise(Event.of("E_A"));
        assertThat(g.unix.texts("/tmp/x y")).containsExactly("legacy:E_A");
        assertThat(g.udp.texts("127.0.0.1:1")).containsExactly("jsonrpc:E_A");
    }

    @Test
    void expiredSubscriptionsAreNotRestored() {
        Fixture f = new Fixture();
        f.engine.publish("E_A");
        f.engine.subscribe("E_A", "udp:127.0.0.1:1", 10);
        f.engine.subscribe("E_A", "udp:127.0.0.1:2", 100);
        Fixture g = restart(f, 10);
        assertThat(g.engine.subscribers("E_A")).extracting(SubscriberInfo::socket)
                .containsExactly("udp:127.0.0.1:2");
    }

    @Test
    void eventsNotPublishedYetArePublishedInRestoreOrder() {
        Fixture f = new Fixture();
        f.engine.publish("E_A");
        f.engine.publish("E_B");
        f.engine.publish("E_C");
        f.engine.subscribe("E_C", "udp:127.0.0.1:1");
        f.engine.subscribe("E_B", "udp:127.0.0.1:1");
        store().save(f.engine.stored());
        Fixture g = new Fixture();
        g.engine.publish("E_C");
        g.engine.restore(store().load());
        assertThat(g.engine.events()).extracting(EventInfo::name).containsExactly("E_C", "E_B");
        assertThat(g.engine.subscribers("E_B")).hasSize(1);
        assertThat(g.engine.subscribers("E_C")).hasSize(1);
    }

    @Test
    void restoredSubscriberWaitsForItsTransport() {
        Fixture f = new Fixture();
        f.engine.publish("E_A");
        f.engine.subscribe("E_A", "udp:127.0.0.1:1");
        store().save(f.engine.stored());
        Fixture g = new Fixture();
        g.unbind(g.udp);
        g.engine.restore(store().load());
        assertThat(g.engine.raise(Event.of("E_A"))).as("a live subscriber; what became of the send is counted").isEqualTo(1);
        assertThat(g.engine.subscriber("E_A", "udp:127.0.0.1:1")).get()
                .extracting(SubscriberInfo::undelivered).isEqualTo(1L);
        g.transports.add(g.udp, g.props("evi.transport", "udp", 0));
        assertThat(g.engine.raise(Event.of("E_A"))).isEqualTo(1);
        assertThat(g.udp.addresses()).containsExactly("127.0.0.1:1");
    }

    @Test
    void corruptFileIsSetAsideAndNothingRestored() throws Exception {
        Path file = dir.resolve("subscriptions.txt");
        Files.writeString(file, "garbage\n", StandardCharsets.UTF_8);
        assertThat(store().load()).isEmpty();
        assertThat(file).doesNotExist();
        assertThat(dir.resolve("subscriptions.txt.corrupt")).hasContent("garbage");
    }

    @Test
    void truncatedFileIsSetAside() throws Exception {
        SubscriptionStore store = store();
        store.save(List.of(new Stored("E_A", "udp", "127.0.0.1:1", "127.0.0.1:1", null, 1, 10),
                new Stored("E_A", "udp", "127.0.0.1:2", "127.0.0.1:2", "legacy", 2, 20)));
        Path file = dir.resolve("subscriptions.txt");
        List<String> lines = Files.readAllLines(file);
        Files.write(file, lines.subList(0, lines.size() - 1));
        assertThat(store.load()).isEmpty();
        assertThat(dir.resolve("subscriptions.txt.corrupt")).exists();
    }

    @Test
    void fieldsAreEscapedAndReadBackExactly() {
        List<Stored> saved = List.of(
                new Stored("E_A", "unix", "/tmp/a b\nc%;=", "/tmp/a b\nc%;=", null, 1_700_000_000_000L, 7),
                new Stored("E_Ü", "udp", "[::1]:9", "[::1]:9", "legacy", 5, 3600),
                new Stored("E_A", "mq", "u:p w%@h/x;persistent?k", "u@h/x;persistent?k", "legacy", 6, 60));
        store().save(saved);
        assertThat(store().load()).isEqualTo(saved);
    }

    @Test
    void fileOfVersion2HoldsTheShownAddressBesideTheFullOne() throws Exception {
        store().save(List.of(new Stored("E_A", "mq", "u:pw@h/k", "u@h/k", null, 5, 60)));
        assertThat(Files.readAllLines(dir.resolve("subscriptions.txt"))).containsExactly(
                "# evi4j subscriptions 2", "E_A mq u%3Apw%40h%2Fk u%40h%2Fk  5 60", "# end 1");
    }

    @Test
    void fileOfVersion1IsReadWithTheAddressAsShownAddress() throws Exception {
        Files.write(dir.resolve("subscriptions.txt"), List.of("# evi4j subscriptions 1",
                "E_A udp 127.0.0.1%3A1  1700000000000 100", "E_B unix %2Ftmp%2Fx+y legacy 5 200", "# end 2"));
        assertThat(store().load()).containsExactly(
                new Stored("E_A", "udp", "127.0.0.1:1", "127.0.0.1:1", null, 1_700_000_000_000L, 100),
                new Stored("E_B", "unix", "/tmp/x y", "/tmp/x y", "legacy", 5, 200));
    }

    @Test
    void fileAndItsTemporaryFileAreForTheOwnerOnly() throws Exception {
        Path file = dir.resolve("subscriptions.txt");
        assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Files.writeString(file, "readable by all");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Path staleTemp = dir.resolve("subscriptions.txt.tmp");
        Files.writeString(staleTemp, "left by a crash");
        Files.setPosixFilePermissions(staleTemp, PosixFilePermissions.fromString("rw-rw-rw-"));

        store().save(List.of(new Stored("E_A", "mq", "u:pw@h/k", "u@h/k", null, 5, 60)));

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(staleTemp).doesNotExist();
        assertThat(store().load()).hasSize(1);
    }

    @Test
    void missingFileMeansNothingToRestore() {
        assertThat(store().load()).isEmpty();
    }
}
