package org.evi4j.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.evi4j.api.EventInterface;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.spi.EventTransport;
import org.evi4j.testkit.Vectors;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 15, part 3, in the full Felix runtime: {@code flatstore:} subscribers made over an MI datagram socket,
 * events raised through the product, and the files compared with {@code transports-flatstore.json} byte for byte
 * ({@code /tmp/evi-vectors} moved to a temporary folder allowed through ConfigAdmin); evi_flat_rotate and
 * E_FLATSTORE_ROTATION over MI; a real logrotate whose postrotate calls evi_flat_rotate; paths outside the allowed
 * folders refused.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FelixFlatstoreIT extends InFullRuntime {

    private static final String PID = "org.evi4j.transport.flatstore";
    private static final String VECTOR_ROOT = "/tmp/evi-vectors";
    private static final JsonNode VECTORS = Vectors.load("transports-flatstore.json");
    private static final List<String> EVENTS = List.of("E_MY_CUSTOM", "E_MY_ARRAY", "E_MY_NOPARAM",
            "E_FLATSTORE_ROTATION");

    private EventInterface evi;
    private MiServer mi;
    private DatagramPeer client;
    private Path root;

    @Before
    public void setUp() throws IOException {
        root = temp.path("evi-vectors");
        Files.createDirectories(root.resolve("flat"));
        allow(root.toString());
        evi = Await.service(context, EventInterface.class, null);
        EVENTS.forEach(evi::publish);
        mi = MiServer.start(configurationAdmin, MiServer.freeUdpSocketName());
        client = DatagramPeer.udp();
        mi.awaitAnswer(client);
    }

    @After
    public void tearDown() throws IOException {
        for (String event : EVENTS) {
            for (SubscriberInfo s : evi.subscribers(event)) {
                evi.unsubscribe(event, s.socket());
            }
        }
        if (client != null) {
            client.close();
        }
        if (mi != null) {
            mi.close();
        }
    }

    @Test
    public void theScriptSequenceWritesTheVectorFile() throws Exception {
        JsonNode sequence = sequence("script-events");
        for (JsonNode step : sequence.get("steps")) {
            switch (step.get("do").asText()) {
                case "mi" -> assertThat(mi(step.get("request").asText()).replaceAll("\"ttl\":\\d+", ""))
                        .isEqualTo(local(step.get("reply").asText()).replaceAll("\"ttl\":\\d+", "")
                                .replaceAll("\"id\":7,", "\"id\":" + evi.event("E_MY_CUSTOM").get().id() + ","));
                case "script_event" -> evi.raise(Vectors.event(lineFor(step, "default")));
                case "read_file" -> assertFile(step);
                default -> throw new AssertionError(step);
            }
        }
    }

    @Test
    public void miEventsRotateAndTheRotationEventAsOpenSipsSendsThem() throws Exception {
        try (DatagramPeer listener = DatagramPeer.udp()) {
            for (JsonNode step : sequence("mi-events-and-rotate").get("steps")) {
                switch (step.get("do").asText()) {
                    case "mi" -> {
                        String request = local(step.get("request").asText())
                                .replace("udp:127.0.0.1:9722", listener.socketString());
                        assertThat(mi(request)).as(request).isEqualTo(local(step.get("reply").asText()));
                        if (step.has("received")) {
                            String expected = local(step.get("received").get("udp:127.0.0.1:9722").get(0).asText());
                            assertThat(withoutTimestamp(receive(listener))).isEqualTo(withoutTimestamp(expected));
                        }
                    }
                    case "fs_rename" -> Files.move(Path.of(local(step.get("path").asText())),
                            Path.of(local(step.get("to").asText())));
                    case "read_file" -> assertFile(step);
                    default -> throw new AssertionError(step);
                }
            }
        }
    }

    @Test
    public void logrotateRenamesAndItsPostrotateReopensThroughTheMi() throws Exception {
        Path file = root.resolve("flat/rotated.log");
        try (DatagramPeer listener = DatagramPeer.udp()) {
            assertThat(mi("event_subscribe", "\"E_FLATSTORE_ROTATION\",\"" + listener.socketString() + "\""))
                    .contains("\"OK\"");
            assertThat(mi("event_subscribe", "\"E_MY_NOPARAM\",\"flatstore:" + file + "\"")).contains("\"OK\"");
            evi.raise(org.evi4j.api.Event.of("E_MY_NOPARAM"));
            Await.until("the first line", () -> Files.exists(file) && size(file) == "E_MY_NOPARAM\n".length());
            logrotate(file);
            String rotation = new String(receive(listener), StandardCharsets.UTF_8);
            assertThat(rotation).contains("\"reason\":\"mi\",\"filename\":\"" + file + "\"");
            evi.raise(org.evi4j.api.Event.of("E_MY_NOPARAM"));
            Await.until("a new file after the rotation", () -> Files.exists(file) && size(file) > 0);
            assertThat(Files.readString(file)).isEqualTo("E_MY_NOPARAM\n");
            assertThat(Files.readString(Path.of(file + ".1"))).isEqualTo("E_MY_NOPARAM\n");
        }
    }

    @Test
    public void theAltProfileFromConfigAdminWritesTheAltFileAndMode() throws Exception {
        // OpenSIPS's spelling of the "alt" profile; escape_delimiter left out (evi4j makes it work: see the docs)
        configure(Map.of("allowed_folders", root.toString(), "delimiter", ";", "suppress_event_name", "yes",
                "file_permissions", "0600"), "(suppress_event_name=yes)");
        try {
            for (JsonNode step : sequence("alt-format").get("steps")) {
                switch (step.get("do").asText()) {
                    case "mi" -> assertThat(mi(step.get("request").asText()))
                            .isEqualTo(local(step.get("reply").asText()));
                    case "script_event" -> evi.raise(Vectors.event(lineFor(step, "alt")));
                    case "read_file" -> {
                        assertFile(step);
                        assertThat(Files.getPosixFilePermissions(Path.of(local(step.get("path").asText()))))
                                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
                    }
                    default -> throw new AssertionError(step);
                }
            }
        } finally {
            allow(root.toString());
        }
    }

    @Test
    public void socketSyntaxAndAllowedFoldersOverMi() throws Exception {
        for (JsonNode step : sequence("socket-syntax").get("steps")) {
            if (step.get("do").asText().equals("mi")) {
                String request = local(step.get("request").asText());
                assertThat(mi(request).replaceAll("\"ttl\":\\d+", "")).as(request)
                        .isEqualTo(local(step.get("reply").asText()).replaceAll("\"ttl\":\\d+", "")
                                .replaceAll("\"id\":9,", "\"id\":" + evi.event("E_MY_NOPARAM").get().id() + ","));
            } else {
                assertFile(step);
            }
        }
        String refused = "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":400,\"message\":\"Bad parameter value\"},\"id\":";
        assertThat(mi("event_subscribe", "\"E_MY_NOPARAM\",\"flatstore:/etc/evi4j-test.log\""))
                .startsWith(refused);
        Path outside = temp.path("outside");
        Files.createDirectory(outside);
        Files.createSymbolicLink(root.resolve("flat/out"), outside);
        assertThat(mi("event_subscribe", "\"E_MY_NOPARAM\",\"flatstore:" + root + "/flat/out/x.log\""))
                .startsWith(refused);
        assertThat(mi("event_subscribe", "\"E_MY_NOPARAM\",\"flatstore:" + root + "/flat/../../outside/x.log\""))
                .startsWith(refused);
        assertThat(evi.subscribers("E_MY_NOPARAM")).hasSize(1);
    }

    /** Runs the real logrotate on the file, its postrotate sending evi_flat_rotate to the MI socket. */
    private void logrotate(Path file) throws Exception {
        String port = mi.socketName().substring(mi.socketName().lastIndexOf(':') + 1);
        Path script = temp.path("postrotate.sh");
        Files.writeString(script, "#!/bin/bash\nprintf '%s' '{\"jsonrpc\":\"2.0\",\"method\":\"evi_flat_rotate\","
                + "\"params\":[\"" + file + "\"],\"id\":1}' > /dev/udp/127.0.0.1/" + port + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Path config = temp.path("logrotate.conf");
        Files.writeString(config, file + " {\n  rotate 1\n  nocompress\n  postrotate\n    " + script
                + "\n  endscript\n}\n");
        Process logrotate = new ProcessBuilder("logrotate", "-f", "-s", temp.path("logrotate.state").toString(),
                config.toString()).redirectErrorStream(true).start();
        assertThat(logrotate.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(logrotate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(logrotate.exitValue()).as(output).isZero();
    }

    private void allow(String folder) throws IOException {
        configure(Map.of("allowed_folders", folder), "(suppress_event_name=0)");
    }

    /** Replaces the transport's configuration and waits for the transport (and its MI command) that has it. */
    private void configure(Map<String, Object> values, String filter) throws IOException {
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration(PID, null);
        configuration.update(new Hashtable<>(values));
        Await.registered(context, EventTransport.class, "(&(evi.transport=flatstore)(allowed_folders="
                + values.get("allowed_folders") + ")" + filter + ")");
        Await.registered(context, org.evi4j.mi.MiCommand.class, "(mi.command=evi_flat_rotate)");
    }

    private void assertFile(JsonNode step) throws IOException {
        Path path = Path.of(local(step.get("path").asText()));
        if (!step.get("exists").asBoolean()) {
            assertThat(path).doesNotExist();
            return;
        }
        String expected = step.get("content").asText();
        Await.until(path + " written", () -> size(path) >= expected.getBytes(StandardCharsets.UTF_8).length);
        assertThat(Files.readString(path)).isEqualTo(expected);
        String mode = step.get("mode").asText();
        assertThat(Files.getPosixFilePermissions(path)).isSubsetOf(PosixFilePermissions.fromString(
                mode.equals("0o600") ? "rw-------" : "rw-r--r--"));
    }

    /** The vector line of that profile whose headers the SIP request of a script step carried. */
    private static JsonNode lineFor(JsonNode step, String profile) {
        JsonNode headers = step.get("headers");
        String trigger = step.get("trigger").asText();
        for (JsonNode line : VECTORS.get("lines")) {
            if (!line.get("profile").asText().equals(profile)) {
                continue;
            }
            String event = line.get("event").asText();
            if (trigger.endsWith("MESSAGE") && event.equals("E_MY_NOPARAM")
                    || trigger.endsWith("PUBLISH") && event.equals("E_MY_ARRAY")
                    || trigger.endsWith("NOTIFY") && event.equals("E_MY_CUSTOM")
                    && line.get("params").get(1).get("int").asText().equals(headers.get("X-I").asText())) {
                return line;
            }
        }
        throw new AssertionError("no line for " + step);
    }

    private static long size(Path path) {
        try {
            return Files.exists(path) ? Files.size(path) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static byte[] receive(DatagramPeer listener) throws IOException {
        byte[] datagram = listener.receive((int) Await.TIMEOUT_MILLIS);
        assertThat(datagram).as("a datagram").isNotNull();
        return datagram;
    }

    private static String withoutTimestamp(byte[] datagram) {
        return withoutTimestamp(new String(datagram, StandardCharsets.UTF_8));
    }

    private static String withoutTimestamp(String text) {
        return text.replaceAll("\"timestamp\":\"\\d+\"", "\"timestamp\":\"T\"");
    }

    private String local(String text) {
        return text.replace(VECTOR_ROOT, root.toString());
    }

    private static JsonNode sequence(String id) {
        for (JsonNode sequence : VECTORS.get("sequences")) {
            if (sequence.get("id").asText().equals(id)) {
                return sequence;
            }
        }
        throw new AssertionError("no sequence " + id);
    }

    private String mi(String method, String params) throws IOException {
        return mi("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":[" + params + "],\"id\":99}");
    }

    private String mi(String request) throws IOException {
        return Mi.call(client, mi.socketName(), local(request));
    }
}
