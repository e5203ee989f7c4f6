package org.evi4j.mi.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.evi4j.mi.MiException;
import org.evi4j.mi.MiValue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/** Writes JSON-RPC replies as OpenSIPS does: compact, keys {@code jsonrpc}, {@code result}|{@code error}, {@code id}. */
final class JsonRpcWriter {

    private final JsonFactory factory;

    JsonRpcWriter(JsonFactory factory) {
        this.factory = factory;
    }

    void result(ReplyOutput out, MiValue result, JsonRpcRequest id) throws IOException {
        JsonGenerator g = start(out);
        g.writeFieldName("result");
        value(g, result);
        end(g, id);
    }

    void error(ReplyOutput out, int code, String message, String data, JsonRpcRequest id) throws IOException {
        JsonGenerator g = start(out);
        g.writeFieldName("error");
        g.writeStartObject();
        g.writeNumberField("code", code);
        g.writeStringField("message", message);
        if (data != null) {
            g.writeStringField("data", data);
        }
        g.writeEndObject();
        end(g, id);
    }

    void error(ReplyOutput out, MiException e, JsonRpcRequest id) throws IOException {
        error(out, e.code(), e.getMessage(), e.data(), id);
    }

    private JsonGenerator start(ReplyOutput out) throws IOException {
        JsonGenerator g = factory.createGenerator(out);
        g.writeStartObject();
        g.writeStringField("jsonrpc", "2.0");
        return g;
    }

    private static void end(JsonGenerator g, JsonRpcRequest id) throws IOException {
        g.writeFieldName("id");
        switch (id.idKind) {
            case NUMBER -> g.writeNumber(id.idNumber);
            case STRING -> g.writeString(id.idString);
            default -> g.writeNull();
        }
        g.writeEndObject();
        g.close();
    }

    static void value(JsonGenerator g, MiValue v) throws IOException {
        switch (v.kind()) {
            case NULL -> g.writeNull();
            case BOOLEAN -> g.writeBoolean(v.asBoolean());
            case NUMBER -> number(g, v);
            case STRING -> g.writeString(v.asString());
            case ARRAY -> {
                List<MiValue> elements = v.elements();
                g.writeStartArray();
                for (int i = 0; i < elements.size(); i++) {
                    value(g, elements.get(i));
                }
                g.writeEndArray();
            }
            case OBJECT -> {
                g.writeStartObject();
                for (Map.Entry<String, MiValue> member : v.members()) {
                    g.writeFieldName(member.getKey());
                    value(g, member.getValue());
                }
                g.writeEndObject();
            }
        }
    }

    /** Integral numbers plainly; others as cJSON's {@code print_number} ({@code %e} or {@code %f}). */
    private static void number(JsonGenerator g, MiValue v) throws IOException {
        if (v.isIntegral()) {
            g.writeNumber(v.asLong());
            return;
        }
        double d = v.asDouble();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            g.writeNull();
        } else if (Math.abs(Math.floor(d) - d) <= Math.ulp(1.0) && Math.abs(d) < 1.0e60) {
            g.writeNumber(String.format(Locale.ROOT, "%.0f", d));
        } else {
            boolean exponent = Math.abs(d) < 1.0e-6 || Math.abs(d) > 1.0e9;
            g.writeNumber(String.format(Locale.ROOT, exponent ? "%e" : "%f", d));
        }
    }
}
