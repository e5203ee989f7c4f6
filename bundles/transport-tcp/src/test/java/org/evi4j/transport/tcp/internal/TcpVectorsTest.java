package org.evi4j.transport.tcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.evi4j.api.Event;
import org.evi4j.spi.Destination;
import org.evi4j.spi.SendResult;
import org.evi4j.testkit.RecordingReport;
import org.evi4j.testkit.TcpListener;
import org.evi4j.testkit.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every payload and the framing of {@code transports-stream.json}, byte for byte, over real TCP connections to a
 * listener on 127.0.0.1 (the vector's port replaced by the listener's). Reliable-mode ids vary per run in OpenSIPS;
 * evi4j's count up from 1 per connection, so the vector's id is replaced by the one expected.
 */
class TcpVectorsTest {

    private static final JsonNode VECTORS = Vectors.load("transports-stream.json");
    private static final Duration WAIT = Duration.ofSeconds(10);

    static Stream<JsonNode> payloads() {
        List<JsonNode> all = new ArrayList<>();
        VECTORS.get("payloads").forEach(all::add);
        return all.stream();
    }

    static TcpSettings profile(String name) {
        JsonNode p = VECTORS.get("profiles").get(name).get("event_stream");
        TcpSettings d = TcpSettings.defaults();
        String eventParam = p.get("event_param").isNull() ? null : p.get("event_param").asText();
        return new TcpSettings(p.get("reliable_mode").asInt() == 1, p.get("timeout").asInt(), eventParam,
                d.queueBytes(), d.reconnectMinMs(), d.reconnectMaxMs(), d.connectTimeoutMs());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void payloadBytesAreOpenSipsBytes(JsonNode vector) throws Exception {
        TcpSettings settings = profile(vector.get("profile").asText());
        String expected = Vectors.intendedText(vector).replaceFirst("^\\{\"id\":\\d+,", "{\"id\":1,");
        try (TcpListener listener = new TcpListener(settings.reliable() ? TcpListener.Mode.REPLY
                : TcpListener.Mode.READ)) {
            TcpTransport transport = new TcpTransport(settings);
            try {
                RecordingReport report = new RecordingReport();
                Destination d = transport.parse(listener.addressFor(vector.get("socket").asText()), report);
                Event event = Vectors.event(vector);
                assertThat(transport.send(d, new TestEvent(event))).isSameAs(SendResult.PENDING);
                await().atMost(WAIT).until(() -> listener.allText().length() >= expected.length());
                assertThat(listener.connections).hasSize(1);
                assertThat(listener.connections.get(0).bytes()).as(vector.get("id").asText())
                        .isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
                await().atMost(WAIT).until(() -> settings.reliable() ? report.delivered.get() == 1
                        : report.sent.get() == 1);
            } finally {
                transport.deactivate();
            }
        }
    }

    @Test
    void consecutiveEventsAreWrittenBackToBackOnOneConnection() throws Exception {
        JsonNode framing = VECTORS.get("framing");
        Map<String, JsonNode> byId = new java.util.HashMap<>();
        payloads().forEach(v -> byId.put(v.get("id").asText(), v));
        byte[] expected = Base64.getDecoder().decode(framing.get("stream_b64").asText());
        try (TcpListener listener = new TcpListener(TcpListener.Mode.READ)) {
            TcpTransport transport = new TcpTransport(TcpSettings.defaults());
            try {
                Destination d = transport.parse(listener.addressFor(framing.get("socket").asText()));
                for (JsonNode id : framing.get("events")) {
                    transport.send(d, new TestEvent(Vectors.event(byId.get(id.asText()))));
                }
                await().atMost(WAIT).until(() -> listener.allText().length() >= expected.length);
                assertThat(listener.connections).hasSize(1);
                assertThat(listener.connections.get(0).bytes()).isEqualTo(expected);
            } finally {
                transport.deactivate();
            }
        }
    }
}
