package org.evi4j.miclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MiReplyTest {

    private static MiReply jsonRpc(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return MiReply.jsonRpc(bytes, bytes.length);
    }

    private static MiReply legacy(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return MiReply.legacy(bytes, bytes.length);
    }

    @Test
    void objectResultIsPrettyPrinted() {
        MiReply reply = jsonRpc("{\"jsonrpc\":\"2.0\",\"result\":{\"Events\":[{\"name\":\"E_DEMO\",\"id\":0}]},\"id\":1}");
        assertThat(reply.ok()).isTrue();
        assertThat(reply.text()).isEqualTo("""
                {
                  "Events" : [
                    {
                      "name" : "E_DEMO",
                      "id" : 0
                    }
                  ]
                }""");
    }

    @Test
    void stringResultIsShownBare() {
        assertThat(jsonRpc("{\"jsonrpc\":\"2.0\",\"result\":\"OK\",\"id\":1}")).isEqualTo(new MiReply(true, "OK"));
    }

    @Test
    void errorShowsCodeMessageAndData() {
        assertThat(jsonRpc("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":404,\"message\":\"Event not published\"},\"id\":1}"))
                .isEqualTo(new MiReply(false, "error 404: Event not published"));
        assertThat(jsonRpc("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32602,\"message\":\"Invalid params\","
                + "\"data\":\"Negative expire value\"},\"id\":1}").text())
                .isEqualTo("error -32602: Invalid params (Negative expire value)");
    }

    @Test
    void garbageIsAnErrorShowingTheBytes() {
        MiReply reply = jsonRpc("400 Parse_error");
        assertThat(reply.ok()).isFalse();
        assertThat(reply.text()).contains("400 Parse_error");
        assertThat(jsonRpc("{\"jsonrpc\":\"2.0\",\"id\":1}").ok()).isFalse();
    }

    @Test
    void aReplyInsideALargerBufferIsReadFromItsOffset() {
        byte[] buffer = "xx{\"jsonrpc\":\"2.0\",\"result\":\"OK\",\"id\":1}yy".getBytes(StandardCharsets.UTF_8);
        assertThat(MiReply.jsonRpc(buffer, 2, buffer.length - 4)).isEqualTo(new MiReply(true, "OK"));
    }

    @Test
    void stringsAreTheElementsOfAnArrayResult() {
        byte[] which = "{\"jsonrpc\":\"2.0\",\"result\":[\"which\",\"uptime\"],\"id\":1}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(MiReply.strings(which, 0, which.length)).containsExactly("which", "uptime");
        byte[] error = "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601},\"id\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(MiReply.strings(error, 0, error.length)).isEmpty();
        assertThat(MiReply.strings(new byte[] {'x'}, 0, 1)).isEmpty();
    }

    @Test
    void legacySuccessIsTheTextWithoutTheTerminatingEmptyLine() {
        assertThat(legacy("200 OK\nServer:: evi4j (0.1.0)\n\n"))
                .isEqualTo(new MiReply(true, "200 OK\nServer:: evi4j (0.1.0)"));
        assertThat(legacy("200 OK\n\n")).isEqualTo(new MiReply(true, "200 OK"));
    }

    @Test
    void legacyNon2xxIsAnError() {
        assertThat(legacy("500 command not available\n")).isEqualTo(new MiReply(false, "error 500 command not available"));
        assertThat(legacy("404 Event not published\n\n").ok()).isFalse();
        assertThat(legacy("").ok()).isFalse();
    }
}
