package org.evi4j.cjson;

import java.io.IOException;
import java.util.List;

import org.evi4j.api.Event;
import org.evi4j.api.EventParam;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Writes events as OpenSIPS's {@code evi_build_payload} does, in cJSON's bytes: a JSON-RPC 2.0 notification
 * ({@code jsonrpc}, {@code method}, {@code params}), or a request with an {@code id} first, with an optional extra
 * first parameter carrying the event name. For one thread: the generator is kept open and reused, each event is one
 * more root value written with no separator, so writing allocates nothing but the result.
 */
public final class JsonRpcEventWriter {

    private static final int INITIAL_CAPACITY = 512;
    private static final int RETAINED_CAPACITY = 128 * 1024;

    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString JSONRPC = new SerializedString("jsonrpc");
    private static final SerializableString VERSION = new SerializedString("2.0");
    private static final SerializableString METHOD = new SerializedString("method");
    private static final SerializableString PARAMS = new SerializedString("params");
    private static final SerializableString NO_NAME = new SerializedString("");

    private final ByteSink sink = new ByteSink(INITIAL_CAPACITY, RETAINED_CAPACITY);
    private final JsonGenerator generator;

    /** @param factory from {@link CJson#factory()} for OpenSIPS's bytes */
    public JsonRpcEventWriter(JsonFactory factory) {
        try {
            generator = factory.createGenerator(sink);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a JSON generator", e);
        }
        generator.setRootValueSeparator(null);
    }

    /**
     * The event as a JSON-RPC notification whose method is the event name. After an exception this writer is in
     * an unknown state and must be dropped.
     */
    public byte[] write(Event event) throws IOException {
        return write(event, event.name(), 0, null);
    }

    /**
     * The event as OpenSIPS's event_stream writes it. After an exception this writer is in an unknown state and
     * must be dropped.
     *
     * @param method     the JSON-RPC method
     * @param id         the request id, written as the first member; 0 for a notification (no {@code id})
     * @param eventParam when not {@code null} and the event has parameters, an extra first parameter of that name
     *                   (the first element of an array of unnamed parameters) whose value is the event name
     */
    public byte[] write(Event event, String method, int id, String eventParam) throws IOException {
        sink.reset();
        JsonGenerator g = generator;
        g.writeStartObject();
        if (id != 0) {
            g.writeFieldName(ID);
            g.writeNumber(id);
        }
        g.writeFieldName(JSONRPC);
        g.writeString(VERSION);
        g.writeFieldName(METHOD);
        g.writeString(method);
        List<EventParam> params = event.params();
        if (!params.isEmpty()) {
            g.writeFieldName(PARAMS);
            String first = eventParam == null ? null : event.name();
            if (params.get(0).isNamed()) {
                writeObject(g, params, eventParam, first);
            } else {
                writeArray(g, params, first);
            }
        }
        g.writeEndObject();
        g.flush();
        return sink.toByteArray();
    }

    private static void writeObject(JsonGenerator g, List<EventParam> params, String firstName, String first)
            throws IOException {
        g.writeStartObject();
        if (first != null) {
            g.writeFieldName(firstName);
            g.writeString(first);
        }
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

    private static void writeArray(JsonGenerator g, List<EventParam> params, String first) throws IOException {
        g.writeStartArray();
        if (first != null) {
            g.writeString(first);
        }
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
