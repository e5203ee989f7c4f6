package org.evi4j.transport.flatstore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.evi4j.api.Event;
import org.evi4j.api.EventParam;
import org.evi4j.spi.Destination;
import org.evi4j.spi.SendResult;
import org.evi4j.testkit.RecordingReport;
import org.evi4j.testkit.Vectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** Lines written to real files: the vectors' sequences, modes, shared files, rotation, failures that resume. */
class FlatstoreTransportTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path folder;
    private FlatstoreTransport transport;

    @AfterEach
    void stop() throws InterruptedException {
        if (transport != null) {
            transport.deactivate();
        }
    }

    @Test
    void theScriptSequenceGivesTheVectorFileByteForByte() throws IOException {
        transport = Flat.transport(folder);
        Path file = folder.resolve("v1.log");
        RecordingReport report = new RecordingReport();
        Destination destination = transport.parse(file.toString(), report);
        assertThat(file).doesNotExist();
        JsonNode lines = Vectors.load("transports-flatstore.json").get("lines");
        int sent = 0;
        for (JsonNode vector : lines) {
            if (vector.get("profile").asText().equals("default")) {
                assertThat(transport.send(destination, new LineEvent(Vectors.event(vector))))
                        .isSameAs(SendResult.PENDING);
                sent++;
            }
        }
        int expected = sent;
        await().atMost(WAIT).until(() -> report.sent.get() == expected);
        assertThat(Files.readString(file)).isEqualTo(finalContent("script-events"));
        assertThat(Files.getPosixFilePermissions(file)).as("0644 less the umask")
                .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)
                .isSubsetOf(PosixFilePermissions.fromString("rw-r--r--"));
    }

    @Test
    void theAltSequenceGivesTheVectorFileAndMode() throws IOException {
        transport = Flat.transport(folder, Flat.alt());
        Path file = folder.resolve("v4.log");
        RecordingReport report = new RecordingReport();
        Destination destination = transport.parse(file.toString(), report);
        for (JsonNode vector : Vectors.load("transports-flatstore.json").get("lines")) {
            if (vector.get("profile").asText().equals("alt")) {
                transport.send(destination, new LineEvent(Vectors.event(vector)));
            }
        }
        await().atMost(WAIT).until(() -> report.sent.get() == 3);
        assertThat(Files.readString(file)).isEqualTo(finalContent("alt-format"));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void subscribersOfOnePathShareTheFileAndEachCountsItsLines() throws IOException {
        transport = Flat.transport(folder);
        Path file = folder.resolve("shared.log");
        RecordingReport one = new RecordingReport();
        RecordingReport two = new RecordingReport();
        Destination a = transport.parse(file.toString(), one);
        Destination b = transport.parse(folder + "/./shared.log", two);
        for (int i = 0; i < 100; i++) {
            transport.send(i % 2 == 0 ? a : b, new LineEvent(Event.of("E", EventParam.of(null, i))));
        }
        await().atMost(WAIT).until(() -> one.sent.get() == 50 && two.sent.get() == 50);
        assertThat(Files.readAllLines(file)).hasSize(100).startsWith("E,0", "E,1").endsWith("E,99");
    }

    @Test
    void rotationAfterARenameOpensANewFileForTheNextLines() throws IOException {
        transport = Flat.transport(folder);
        Path file = folder.resolve("v2.log");
        RecordingReport report = new RecordingReport();
        Destination destination = transport.parse(file.toString(), report);
        transport.send(destination, new LineEvent(Event.of("E_MY_CUSTOM", EventParam.of("ip", "10.0.0.1"),
                EventParam.of("port", 5060))));
        transport.send(destination, new LineEvent(Event.of("E_MY_CUSTOM", EventParam.of(null, "x"),
                EventParam.of(null, "y"))));
        await().atMost(WAIT).until(() -> report.sent.get() == 2);
        Path old = folder.resolve("v2.log.old");
        Files.move(file, old);
        assertThat(transport.rotate(file.toString())).isTrue();
        assertThat(transport.rotate(folder.resolve("other.log").toString())).isFalse();
        transport.send(destination, new LineEvent(Event.of("E_MY_CUSTOM", EventParam.of("after", "rotate"))));
        await().atMost(WAIT).until(() -> report.sent.get() == 3);
        JsonNode sequence = sequence("mi-events-and-rotate");
        assertThat(Files.readString(old)).isEqualTo(readStep(sequence, "/tmp/evi-vectors/flat/v2.log.old"));
        assertThat(Files.readString(file)).isEqualTo(readStep(sequence, "/tmp/evi-vectors/flat/v2.log"));
    }

    @Test
    void aVanishedFolderCountsFailedAndWritingResumesWhenItIsBack() throws IOException {
        transport = Flat.transport(folder);
        Path sub = Files.createDirectory(folder.resolve("sub"));
        RecordingReport report = new RecordingReport();
        Destination destination = transport.parse(sub.resolve("a.log").toString(), report);
        Files.delete(sub);
        transport.send(destination, new LineEvent(Event.of("E", EventParam.of(null, 1))));
        await().atMost(WAIT).until(() -> report.failed.get() == 1);
        assertThat(report.failures.get(0)).contains("cannot write to the file").contains("a.log");
        Files.createDirectory(sub);
        transport.send(destination, new LineEvent(Event.of("E", EventParam.of(null, 2))));
        await().atMost(WAIT).until(() -> report.sent.get() == 1);
        assertThat(Files.readString(sub.resolve("a.log"))).isEqualTo("E,2\n");
    }

    @Test
    void aFolderThatVanishesWhileItsFileIsOpenIsNoticedAndWritingResumes() throws IOException {
        transport = Flat.transport(folder);
        Path sub = Files.createDirectory(folder.resolve("open"));
        RecordingReport report = new RecordingReport();
        Destination destination = transport.parse(sub.resolve("a.log").toString(), report);
        transport.send(destination, new LineEvent(Event.of("E", EventParam.of(null, 0))));
        await().atMost(WAIT).until(() -> report.sent.get() == 1);
        Files.delete(sub.resolve("a.log"));
        Files.delete(sub);
        // lines would go to the unlinked file: within a second the writer finds the folder gone
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            transport.send(destination, new LineEvent(Event.of("E", EventParam.of(null, 1))));
            return report.failed.get() > 0;
        });
        Files.createDirectory(sub);
        int sent = report.sent.get();
        transport.send(destination, new LineEvent(Event.of("E", EventParam.of(null, 2))));
        await().atMost(WAIT).until(() -> report.sent.get() > sent);
        assertThat(Files.readString(sub.resolve("a.log"))).endsWith("E,2\n");
    }

    @Test
    void aReadOnlyFolderCountsFailedAndWritingResumesWhenItIsWritable() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "root writes into read-only folders");
        transport = Flat.transport(folder);
        Path sub = Files.createDirectory(folder.resolve("ro"));
        RecordingReport report = new RecordingReport();
        Destination destination = transport.parse(sub.resolve("a.log").toString(), report);
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            transport.send(destination, new LineEvent(Event.of("E", EventParam.of(null, 1))));
            await().atMost(WAIT).until(() -> report.failed.get() == 1);
        } finally {
            Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        transport.send(destination, new LineEvent(Event.of("E", EventParam.of(null, 2))));
        await().atMost(WAIT).until(() -> report.sent.get() == 1);
        assertThat(Files.readString(sub.resolve("a.log"))).isEqualTo("E,2\n");
    }

    @Test
    void aFullDiskCountsFailedAndNothingElseIsLost() throws IOException {
        transport = Flat.transport(folder, Map.of("allowed_folders", "/dev," + folder));
        RecordingReport full = new RecordingReport();
        RecordingReport fine = new RecordingReport();
        Destination devFull = transport.parse("/dev/full", full);
        Destination other = transport.parse(folder.resolve("ok.log").toString(), fine);
        for (int i = 0; i < 3; i++) {
            transport.send(devFull, new LineEvent(Event.of("E", EventParam.of(null, i))));
            transport.send(other, new LineEvent(Event.of("E", EventParam.of(null, i))));
        }
        await().atMost(WAIT).until(() -> full.failed.get() == 3 && fine.sent.get() == 3);
        assertThat(full.failures.get(0)).contains("No space left on device");
        assertThat(Files.readString(folder.resolve("ok.log"))).isEqualTo("E,0\nE,1\nE,2\n");
    }

    @Test
    void aStalledFileNeverBlocksTheSenderOverflowIsDroppedAndTheRestFollows() throws Exception {
        transport = Flat.transport(folder, Map.of("queue_bytes", 1024));
        Path fifo = folder.resolve("stalled.log");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        RecordingReport report = new RecordingReport();
        Destination destination = transport.parse(fifo.toString(), report);
        List<Integer> pending = new ArrayList<>();
        int dropped = 0;
        // the writer blocks opening the FIFO until a reader comes: sends must return all the same
        for (int i = 0; i < 200; i++) {
            SendResult result = transport.send(destination, new LineEvent(Event.of("E_STALLED",
                    EventParam.of(null, "0123456789012345678901234567890123456789"), EventParam.of(null, i))));
            if (result.status() == SendResult.Status.PENDING) {
                pending.add(i);
            } else {
                assertThat(result.status()).isEqualTo(SendResult.Status.DROPPED);
                assertThat(result.reason()).contains("queue full");
                dropped++;
            }
        }
        assertThat(dropped).isPositive();
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(
                new java.io.FileInputStream(fifo.toFile()), StandardCharsets.UTF_8))) {
            await().atMost(WAIT).until(() -> report.sent.get() == pending.size());
            for (int i : pending) {
                assertThat(in.readLine()).startsWith("E_STALLED,0123").endsWith("," + i);
            }
        }
    }

    @Test
    void theEncodedPayloadIsRefusedAndForeignDestinationsToo() {
        transport = Flat.transport(folder);
        Destination destination = transport.parse(folder.resolve("x.log").toString());
        assertThat(transport.send(destination, java.nio.ByteBuffer.allocate(1)).status())
                .isEqualTo(SendResult.Status.FAILED);
        assertThat(transport.send(() -> "x", new LineEvent(Event.of("E"))).status())
                .isEqualTo(SendResult.Status.FAILED);
    }

    @Test
    void maxOpenSocketsBoundsTheDistinctFiles() {
        transport = Flat.transport(folder, Map.of("max_open_sockets", 1));
        Destination first = transport.parse(folder.resolve("1.log").toString());
        Destination second = transport.parse(folder.resolve("2.log").toString());
        transport.send(first, new LineEvent(Event.of("E")));
        assertThat(transport.send(second, new LineEvent(Event.of("E"))).reason()).contains("max_open_sockets");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> transport.parse(folder.resolve("3.log")
                .toString())).hasMessageContaining("max_open_sockets");
        assertThat(transport.parse(folder.resolve("1.log").toString())).isNotNull();
        transport.release(first);
        assertThat(transport.send(second, new LineEvent(Event.of("E"))).status())
                .isEqualTo(SendResult.Status.PENDING);
    }

    static String finalContent(String sequenceId) {
        JsonNode last = null;
        for (JsonNode step : sequence(sequenceId).get("steps")) {
            if (step.get("do").asText().equals("read_file") && step.get("exists").asBoolean()) {
                last = step;
            }
        }
        return last.get("content").asText();
    }

    static JsonNode sequence(String id) {
        for (JsonNode sequence : Vectors.load("transports-flatstore.json").get("sequences")) {
            if (sequence.get("id").asText().equals(id)) {
                return sequence;
            }
        }
        throw new AssertionError("no sequence " + id);
    }

    private static String readStep(JsonNode sequence, String path) {
        for (JsonNode step : sequence.get("steps")) {
            if (step.get("do").asText().equals("read_file") && step.get("path").asText().equals(path)) {
                return step.get("content").asText();
            }
        }
        throw new AssertionError("no read of " + path);
    }
}
