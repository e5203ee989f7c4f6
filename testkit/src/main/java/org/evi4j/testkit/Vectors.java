package org.evi4j.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.evi4j.api.Event;
import org.evi4j.api.EventParam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The project's copy of the shared test vectors ({@code vectors/} at the top of the repository). The folder is
 * found through the system property {@code evi4j.vectors.dir} (set by the parent pom), else by walking up from
 * the working directory.
 */
public final class Vectors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Vectors() {
    }

    /** The project's vectors folder. */
    public static Path dir() {
        String configured = System.getProperty("evi4j.vectors.dir");
        if (configured != null && Files.isDirectory(Paths.get(configured))) {
            return Paths.get(configured);
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("vectors/mi-jsonrpc.json"))) {
                return p.resolve("vectors");
            }
        }
        throw new IllegalStateException("vectors/ folder not found; set -Devi4j.vectors.dir");
    }

    /** A vector file, parsed. */
    public static JsonNode load(String fileName) {
        try {
            return JSON.readTree(dir().resolve(fileName).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code cases} of an events-*.json file. */
    public static List<EventCase> eventCases(String fileName) {
        List<EventCase> cases = new ArrayList<>();
        for (JsonNode c : load(fileName).get("cases")) {
            cases.add(new EventCase(c.get("id").asText(), event(c),
                    Base64.getDecoder().decode(c.get("expected_b64").asText())));
        }
        return cases;
    }

    /**
     * The event of a vector object with {@code event} and {@code params} (ordered, {@code name} null = unnamed,
     * exactly one of {@code int} / {@code str}), as in every events-*.json and transports-*.json file.
     */
    public static Event event(JsonNode vector) {
        Event.Builder event = Event.builder(vector.get("event").asText());
        for (JsonNode p : vector.get("params")) {
            String name = p.get("name").isNull() ? null : p.get("name").asText();
            if (p.has("int")) {
                event.param(name, p.get("int").asInt());
            } else if (p.get("str").isNull()) {
                event.nullParam(name);
            } else {
                event.param(name, p.get("str").asText());
            }
        }
        return event.build();
    }

    /**
     * The bytes of a {@code transports-*.json} payload vector as text: what OpenSIPS wrote or, where the vector
     * records its bug #2959 (an MI array of unnamed parameters written as an object with empty keys; {@code quirk}),
     * what it meant: a JSON array of the strings.
     */
    public static String intendedText(JsonNode payload) {
        if (payload.has("quirk")) {
            List<String> values = new ArrayList<>();
            payload.get("params").forEach(p -> values.add("\"" + p.get("str").asText() + "\""));
            return "{\"jsonrpc\":\"2.0\",\"method\":\"" + payload.get("event").asText() + "\",\"params\":["
                    + String.join(",", values) + "]}";
        }
        return new String(Base64.getDecoder().decode(payload.get("expected_b64").asText()), StandardCharsets.UTF_8);
    }

    /** One encoder vector: an event and the exact datagram expected for it. */
    public record EventCase(String id, Event event, byte[] expected) {
        public String expectedText() {
            return new String(expected, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return id;
        }
    }
}
