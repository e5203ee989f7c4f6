package org.evi4j.shell.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.evi4j.api.EventInfo;
import org.evi4j.api.UnknownEventException;
import org.evi4j.mi.MiDispatcher;
import org.evi4j.testkit.InMemoryEventInterface;

/**
 * A JSON-RPC MI dispatcher serving {@code which}, {@code events_list} and {@code event_subscribe} over an
 * {@link InMemoryEventInterface}, with OpenSIPS's reply shapes and errors. Keeps the last request's text.
 */
final class FakeMiDispatcher implements MiDispatcher {

    private static final JsonFactory JSON = new JsonFactory();
    private final InMemoryEventInterface evi;
    String lastRequest;

    FakeMiDispatcher(InMemoryEventInterface evi) {
        this.evi = evi;
    }

    @Override
    public boolean dispatch(ByteBuffer request, ByteBuffer reply, String legacyIndent) {
        byte[] bytes = new byte[request.remaining()];
        request.get(bytes);
        lastRequest = new String(bytes, StandardCharsets.UTF_8);
        try (JsonParser p = JSON.createParser(bytes)) {
            String method = null;
            List<String> params = new ArrayList<>();
            boolean hasId = false;
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "method" -> method = p.getText();
                    case "id" -> hasId = true;
                    case "params" -> readParams(p, value, params);
                    default -> p.skipChildren();
                }
            }
            reply.clear();
            reply.put(answer(method, params).getBytes(StandardCharsets.UTF_8));
            reply.flip();
            return hasId;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readParams(JsonParser p, JsonToken start, List<String> params) throws IOException {
        JsonToken end = start == JsonToken.START_ARRAY ? JsonToken.END_ARRAY : JsonToken.END_OBJECT;
        for (JsonToken t = p.nextToken(); t != end; t = p.nextToken()) {
            if (t != JsonToken.FIELD_NAME) {
                params.add(p.getText());
            }
        }
    }

    private String answer(String method, List<String> params) throws IOException {
        switch (method) {
            case "which":
                return reply(g -> {
                    g.writeStartArray();
                    for (String name : List.of("which", "events_list", "event_subscribe")) {
                        g.writeString(name);
                    }
                    g.writeEndArray();
                });
            case "events_list":
                return reply(g -> {
                    g.writeStartObject();
                    g.writeArrayFieldStart("Events");
                    for (EventInfo e : evi.events()) {
                        g.writeStartObject();
                        g.writeStringField("name", e.name());
                        g.writeNumberField("id", e.id());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                });
            case "event_subscribe":
                return subscribe(params);
            default:
                return "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":1}";
        }
    }

    private String subscribe(List<String> params) throws IOException {
        if (params.size() < 2 || params.size() > 3) {
            return "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params\","
                    + "\"data\":\"Too few or too many parameters\"},\"id\":1}";
        }
        try {
            evi.subscribe(params.get(0), params.get(1), params.size() == 3 ? Integer.parseInt(params.get(2)) : 3600);
        } catch (UnknownEventException e) {
            return "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":404,\"message\":\"Event not published\"},\"id\":1}";
        }
        return reply(g -> g.writeString("OK"));
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static String reply(Body body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("jsonrpc", "2.0");
            g.writeFieldName("result");
            body.write(g);
            g.writeNumberField("id", 1);
            g.writeEndObject();
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
