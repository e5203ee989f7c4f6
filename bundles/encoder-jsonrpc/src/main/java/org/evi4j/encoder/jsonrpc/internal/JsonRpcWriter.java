package org.evi4j.encoder.jsonrpc.internal;

import java.io.IOException;
import java.util.List;

import org.evi4j.api.Event;
import org.evi4j.api.EventParam;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Writes events as JSON-RPC notifications for one thread. The generator is kept open and reused: each event is
 * one more root value, written with no separator, so encoding allocates nothing but the result.
 */
final class JsonRpcWriter {

    private static final int INITIAL_CAPACITY = 512;
    private static final int RETAINED_CAPACITY = 128 * 1024;

    private static final SerializableString JSONRPC = new SerializedString("jsonrpc");
    private static final SerializableString VERSION = new SerializedString("2.0");
    private static final SerializableString METHOD = new SerializedString("method");
    private static final SerializableString PARAMS = new SerializedString("params");
    private static final SerializableString NO_NAME = new SerializedString("");

    private final ByteSink sink = new ByteSink(INITIAL_CAPACITY, RETAINED_CAPACITY);
    private final JsonGenerator generator;

    JsonRpcWriter(JsonFactory factory) {
        try {
            generator = factory.createGenerator(sink);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a JSON generator", e);
        }
        generator.setRootValueSeparator(null);
    }

    /**
     * The event's datagram. After an exception this writer is in an unknown state and must be dropped.
     */
    byte[] write(Event event) throws IOException {
        sink.reset();
        JsonGenerator g = generator;
        g.writeStartObject();
        g.writeFieldName(JSONRPC);
        g.writeString(VERSION);
        g.writeFieldName(METHOD);
        g.writeString(event.name());
        List<EventParam> params = event.params();
        if (!params.isEmpty()) {
            g.writeFieldName(PARAMS);
            if (params.get(0).isNamed()) {
                writeObject(g, params);
            } else {
                writeArray(g, params);
            }
        }
        g.writeEndObject();
        g.flush();
        return sink.toByteArray();
    }

    private static void writeObject(JsonGenerator g, List<EventParam> params) throws IOException {
        g.writeStartObject();
        for (int i = 0, n = params.size(); i < n; i++) {
            EventParam p = params.get(i);
            // cJSON prints the NULL key of a later unnamed parameter as ""
            if (p.isNamed()) {
                g.writeFieldName(p.name());
            } else {
                g.writeFieldName(NO_NAME);
            }
            writeValue(g, p);
        }
        g.writeEndObject();
    }

    private static void writeArray(JsonGenerator g, List<EventParam> params) throws IOException {
        g.writeStartArray();
        for (int i = 0, n = params.size(); i < n; i++) {
            writeValue(g, params.get(i));
        }
        g.writeEndArray();
    }

    private static void writeValue(JsonGenerator g, EventParam p) throws IOException {
        switch (p.type()) {
            case INT -> g.writeNumber(p.intValue());
            case STRING -> g.writeString(p.stringValue());
            default -> g.writeNull();
        }
    }
}
