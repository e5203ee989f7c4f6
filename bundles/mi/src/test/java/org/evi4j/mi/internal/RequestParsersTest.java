package org.evi4j.mi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.evi4j.cjson.CJson;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.ReaderBasedJsonParser;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;

class RequestParsersTest {
    private final RequestParsers parsers = new RequestParsers(CJson.factory());

    private JsonParser parser(byte[] request) throws IOException {
        return parsers.create(request, 0, request.length);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void plainAsciiIsReadAsBytesAndAnythingElseAsDecodedChars() throws IOException {
        try (JsonParser p = parser(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"ps\"}"))) {
            assertThat(p).isInstanceOf(UTF8StreamJsonParser.class);
        }
        try (JsonParser p = parser(bytes("{\"method\":\"José\"}"))) {
            assertThat(p).isInstanceOf(ReaderBasedJsonParser.class);
        }
        try (JsonParser p = parser(bytes("{\"method\":\"a\u0000\"}"))) {
            assertThat(p).isInstanceOf(ReaderBasedJsonParser.class);
        }
    }

    @Test
    void badUtf8StillReadsLeniently() throws IOException {
        byte[] request = {'{', '"', 'i', 'd', '"', ':', '"', 'a', (byte) 0xFF, 'b', '"', '}'};
        try (JsonParser p = parser(request)) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            assertThat(p.nextFieldName()).isEqualTo("id");
            assertThat(p.nextTextValue()).isEqualTo("a\uFFFDb");
        }
    }

    @Test
    void aThreadsNameTableStaysSmallWhateverNamesClientsSend() throws IOException {
        for (int i = 0; i < 1000; i++) {
            try (JsonParser p = parser(bytes("{\"novel" + i + "\":1,\"jsonrpc\":\"2.0\"}"))) {
                while (p.nextToken() != null) {
                    // read every name, so the parser files them
                }
            }
            assertThat(parsers.namesKnown()).isLessThanOrEqualTo(RequestParsers.MAX_NAMES + 2);
        }
    }
}
