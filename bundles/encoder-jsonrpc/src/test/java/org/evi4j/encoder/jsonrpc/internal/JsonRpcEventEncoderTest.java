package org.evi4j.encoder.jsonrpc.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.evi4j.api.Event;
import org.evi4j.api.EventParam;
import org.evi4j.cjson.CJson;
import org.evi4j.spi.EventEncoder;
import org.evi4j.testkit.EncoderContract;
import org.evi4j.testkit.Vectors.EventCase;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

class JsonRpcEventEncoderTest extends EncoderContract {

    private final JsonRpcEventEncoder encoder = new JsonRpcEventEncoder();

    @Override
    protected EventEncoder encoder() {
        return encoder;
    }

    @Override
    protected String vectorFile() {
        return "events-jsonrpc.json";
    }

    @Override
    protected String expectedVeryLargeEvent(int repeat, int params) {
        StringBuilder expected = new StringBuilder("{\"jsonrpc\":\"2.0\",\"method\":\"E_BIG\",\"params\":{");
        String escaped = "v\\\"\\\\\\n\\u0001é📞".repeat(repeat);
        for (int i = 0; i < params; i++) {
            expected.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":\"").append(escaped).append('"');
        }
        return expected.append("}}").toString();
    }

    @Test
    void nonBmpNamesAndValuesGoOutAsRawUtf8() {
        Event e = Event.builder("E_EMOJI").param("📞", "😀x").param(null, "𝄞").build();
        assertEncodes(encoder.encode(e),
                "{\"jsonrpc\":\"2.0\",\"method\":\"E_EMOJI\",\"params\":{\"📞\":\"😀x\",\"\":\"𝄞\"}}".getBytes(UTF_8));
    }

    @Test
    void unpairedSurrogateIsEscapedNotFatal() {
        Event e = Event.of("E_BAD", EventParam.of("s", "a\uD83Db"));
        assertEncodes(encoder.encode(e),
                "{\"jsonrpc\":\"2.0\",\"method\":\"E_BAD\",\"params\":{\"s\":\"a\\uD83Db\"}}".getBytes(UTF_8));
        EventCase pike = vectors().get(0);
        assertEncodes(encoder.encode(pike.event()), pike.expected());
    }

    @Test
    void eventNameIsEscapedLikeAString() {
        Event e = Event.of("E_\"Q\\\u0002");
        assertEncodes(encoder.encode(e), "{\"jsonrpc\":\"2.0\",\"method\":\"E_\\\"Q\\\\\\u0002\"}".getBytes(UTF_8));
    }

    @Test
    void aFailureMidEventDoesNotCorruptTheThreadsNextEvent() {
        AtomicBoolean fail = new AtomicBoolean(true);
        JsonFactory failing = new JsonFactory(CJson.factory(), null) {
            private static final long serialVersionUID = 1L;

            @Override
            public JsonGenerator createGenerator(OutputStream out) throws IOException {
                return super.createGenerator(new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        if (fail.getAndSet(false)) {
                            throw new IOException("injected");
                        }
                        out.write(b, off, len);
                    }
                });
            }
        };
        JsonRpcEventEncoder flaky = new JsonRpcEventEncoder(failing);
        // large enough for the generator to flush in the middle of the params object
        Event big = Event.builder("E_BIG").param("v", "x".repeat(20_000)).param("w", 1).build();

        assertThatThrownBy(() -> flaky.encode(big)).isInstanceOf(UncheckedIOException.class).hasMessageContaining("E_BIG");
        for (EventCase c : vectors()) {
            assertEncodes(flaky.encode(c.event()), c.expected());
        }
    }
}
