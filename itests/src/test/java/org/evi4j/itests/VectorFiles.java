package org.evi4j.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.evi4j.api.Event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The project's test vectors, read inside the framework with jackson-databind. The folder comes from the system
 * property {@code evi4j.vectors.dir} (failsafe sets it to the project's {@code vectors/}).
 */
final class VectorFiles {

    /** One encoder vector: the event, and the exact datagram it must become. */
    record EventCase(String id, Event event, byte[] expected) {
    }

    private VectorFiles() {
    }

    /** A vector file, parsed. */
    static JsonNode load(String fileName) {
        Path file = dir().resolve(fileName);
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The folder named by {@code evi4j.vectors.dir}, else the first {@code vectors/} above the working directory. */
    private static Path dir() {
        String configured = System.getProperty("evi4j.vectors.dir", "");
        if (!configured.isEmpty() && Files.isDirectory(Paths.get(configured))) {
            return Paths.get(configured);
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("vectors/mi-jsonrpc.json"))) {
                return p.resolve("vectors");
            }
        }
        throw new IllegalStateException("vectors/ not found: set the system property evi4j.vectors.dir");
    }

    /** The cases of {@code events-jsonrpc.json} or {@code events-legacy.json}. */
    static List<EventCase> eventCases(String fileName) {
        List<EventCase> cases = new ArrayList<>();
        for (JsonNode c : load(fileName).get("cases")) {
            Event.Builder event = Event.builder(c.get("event").asText());
            for (JsonNode p : c.get("params")) {
                String name = p.get("name").isNull() ? null : p.get("name").asText();
                if (p.has("int")) {
                    event.param(name, p.get("int").asInt());
                } else if (p.get("str").isNull()) {
                    event.nullParam(name);
                } else {
                    event.param(name, p.get("str").asText());
                }
            }
            cases.add(new EventCase(c.get("id").asText(), event.build(),
                    Base64.getDecoder().decode(c.get("expected_b64").asText())));
        }
        return cases;
    }
}
