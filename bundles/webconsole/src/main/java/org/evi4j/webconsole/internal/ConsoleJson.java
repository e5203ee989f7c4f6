package org.evi4j.webconsole.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.evi4j.api.EventInfo;
import org.evi4j.api.EventParam;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.mi.MiEndpointStatistics;

/** The JSON the page reads: the state snapshot and the live tail's messages. */
final class ConsoleJson {

    /** One event's row: its counter and its live subscribers. */
    record EventRow(EventInfo event, List<SubscriberInfo> subscribers) {
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private final JsonFactory factory = new JsonFactory();

    /** {@code {"time":MS,"events":[...],"sockets":[...]}}; {@code events} null when there is no Event Interface. */
    byte[] state(long millis, List<EventRow> events, List<MiEndpointStatistics> sockets) {
        return write(json -> {
            json.writeStartObject();
            json.writeNumberField("time", millis);
            json.writeBooleanField("core", events != null);
            json.writeArrayFieldStart("events");
            for (EventRow row : events == null ? List.<EventRow>of() : events) {
                event(json, row);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("sockets");
            for (MiEndpointStatistics socket : sockets) {
                json.writeStartObject();
                json.writeStringField("socket", socket.socket());
                json.writeNumberField("requests", socket.requests());
                json.writeNumberField("replies", socket.replies());
                json.writeNumberField("errors", socket.errors());
                json.writeNumberField("refused", socket.refused());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static void event(JsonGenerator json, EventRow row) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", row.event().name());
        json.writeNumberField("raised", row.event().raised());
        json.writeArrayFieldStart("subscribers");
        for (SubscriberInfo s : row.subscribers()) {
            json.writeStartObject();
            json.writeStringField("socket", s.socket());
            json.writeStringField("encoder", s.encoder());
            json.writeNumberField("expire", s.expire());
            json.writeNumberField("ttl", s.ttl());
            json.writeNumberField("sent", s.sent());
            json.writeNumberField("delivered", s.delivered());
            json.writeNumberField("failed", s.failed());
            json.writeNumberField("dropped", s.dropped());
            json.writeNumberField("undelivered", s.undelivered());
            json.writeStringField("lastError", s.lastError());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** {@code {"skipped":N,"events":[{"seq":..,"time":MS,"name":..,"params":[{"name":..,"value":..}]}]}}. */
    byte[] tail(EventRing.Batch batch) {
        return write(json -> {
            json.writeStartObject();
            json.writeNumberField("skipped", batch.skipped());
            json.writeArrayFieldStart("events");
            for (EventRing.Raised raised : batch.events()) {
                json.writeStartObject();
                json.writeNumberField("seq", raised.seq());
                json.writeNumberField("time", raised.millis());
                json.writeStringField("name", raised.event().name());
                json.writeArrayFieldStart("params");
                for (EventParam param : raised.event().params()) {
                    param(json, param);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static void param(JsonGenerator json, EventParam param) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", param.name());
        switch (param.type()) {
            case INT -> json.writeNumberField("value", param.intValue());
            case STRING -> json.writeStringField("value", param.stringValue());
            default -> json.writeNullField("value");
        }
        json.writeEndObject();
    }

    /** {@code {"seconds":[{"t":EPOCH_S,"r":{"E_X":N}}...]}}: one or many seconds of the chart. */
    byte[] rates(List<RateHistory.Second> seconds) {
        return write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("seconds");
            for (RateHistory.Second second : seconds) {
                json.writeStartObject();
                json.writeNumberField("t", second.epochSecond());
                json.writeObjectFieldStart("r");
                for (Map.Entry<String, Long> e : second.raised().entrySet()) {
                    json.writeNumberField(e.getKey(), e.getValue());
                }
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = factory.createGenerator(out)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }
}
