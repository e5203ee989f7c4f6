package org.evi4j.mi.internal;

import java.io.IOException;
import java.io.OutputStream;
import org.evi4j.cjson.mi.MiJson;
import org.evi4j.mi.MiException;
import org.evi4j.mi.MiValue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Writes JSON-RPC replies as OpenSIPS does: compact, keys {@code jsonrpc}, {@code result}|{@code error}, {@code id}.
 * Each thread keeps one open generator, each reply one more root value without a separator, pointed at the reply's
 * buffer in turn: a reply allocates no Jackson state.
 */
final class JsonRpcWriter {

    private static final SerializableString JSONRPC = new SerializedString("jsonrpc");
    private static final SerializableString VERSION = new SerializedString("2.0");
    private static final SerializableString RESULT = new SerializedString("result");
    private static final SerializableString ERROR = new SerializedString("error");
    private static final SerializableString CODE = new SerializedString("code");
    private static final SerializableString MESSAGE = new SerializedString("message");
    private static final SerializableString DATA = new SerializedString("data");
    private static final SerializableString ID = new SerializedString("id");

    private final ThreadLocal<Output> outputs;

    JsonRpcWriter(JsonFactory factory) {
        outputs = ThreadLocal.withInitial(() -> new Output(factory));
    }

    void result(ReplyOutput out, MiValue result, JsonRpcRequest id) throws IOException {
        Output output = outputs.get();
        boolean written = false;
        try {
            JsonGenerator g = output.start(out);
            g.writeFieldName(RESULT);
            MiJson.write(g, result);
            end(g, id);
            written = true;
        } finally {
            done(output, written);
        }
    }

    void error(ReplyOutput out, int code, String message, String data, JsonRpcRequest id) throws IOException {
        Output output = outputs.get();
        boolean written = false;
        try {
            JsonGenerator g = output.start(out);
            g.writeFieldName(ERROR);
            g.writeStartObject();
            g.writeFieldName(CODE);
            g.writeNumber(code);
            g.writeFieldName(MESSAGE);
            g.writeString(message);
            if (data != null) {
                g.writeFieldName(DATA);
                g.writeString(data);
            }
            g.writeEndObject();
            end(g, id);
            written = true;
        } finally {
            done(output, written);
        }
    }

    void error(ReplyOutput out, MiException e, JsonRpcRequest id) throws IOException {
        error(out, e.code(), e.getMessage(), e.data(), id);
    }

    /** Forgets the calling thread's generator. */
    void close() {
        outputs.remove();
    }

    private void done(Output output, boolean written) {
        output.target = null;
        if (!written) {
            // a generator left inside an object, or holding bytes of this reply, would spoil the thread's next one
            outputs.remove();
        }
    }

    private static void end(JsonGenerator g, JsonRpcRequest id) throws IOException {
        g.writeFieldName(ID);
        switch (id.idKind) {
            case NUMBER -> g.writeNumber(id.idNumber);
            case STRING -> g.writeString(id.idString);
            default -> g.writeNull();
        }
        g.writeEndObject();
        g.flush();
    }

    /** One thread's open generator and the stream under it, which passes bytes on to the current reply. */
    private static final class Output extends OutputStream {
        private final JsonGenerator generator;
        private ReplyOutput target;

        Output(JsonFactory factory) {
            try {
                generator = factory.createGenerator(this);
            } catch (IOException e) {
                throw new IllegalStateException("cannot create a JSON generator", e);
            }
            generator.setRootValueSeparator(null);
        }

        JsonGenerator start(ReplyOutput out) throws IOException {
            target = out;
            generator.writeStartObject();
            generator.writeFieldName(JSONRPC);
            generator.writeString(VERSION);
            return generator;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
        }
    }
}
