package org.evi4j.mi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.evi4j.cjson.CJson;
import org.evi4j.mi.MiException;
import org.evi4j.mi.MiValue;
import org.junit.jupiter.api.Test;

/** One thread writes many replies with one generator: each must come out whole and on its own. */
class JsonRpcWriterTest {
    private final JsonRpcWriter writer = new JsonRpcWriter(CJson.factory());

    private static JsonRpcRequest id(int id) {
        JsonRpcRequest request = new JsonRpcRequest();
        request.idKind = JsonRpcRequest.IdKind.NUMBER;
        request.idNumber = id;
        return request;
    }

    private static String text(ByteBuffer reply) {
        reply.flip();
        return StandardCharsets.UTF_8.decode(reply).toString();
    }

    @Test
    void consecutiveRepliesHaveNoSeparatorOrLeftovers() throws IOException {
        for (int i = 1; i <= 3; i++) {
            ByteBuffer reply = ByteBuffer.allocate(1000);
            writer.result(new ReplyOutput(reply, 1000), MiValue.of("r" + i), id(i));
            assertThat(text(reply)).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"r" + i + "\",\"id\":" + i + "}");
        }
        ByteBuffer reply = ByteBuffer.allocate(1000);
        writer.error(new ReplyOutput(reply, 1000), new MiException(-32601, "Method not found"), id(4));
        assertThat(text(reply))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":4}");
    }

    @Test
    void aReplyThatDidNotFitLeavesNothingBehindForTheNext() throws IOException {
        ByteBuffer small = ByteBuffer.allocate(1000);
        assertThatThrownBy(() -> writer.result(new ReplyOutput(small, 1000), MiValue.of("x".repeat(20_000)), id(1)))
                .isInstanceOf(ReplyOutput.ReplyTooLargeException.class);
        ByteBuffer reply = ByteBuffer.allocate(1000);
        writer.result(new ReplyOutput(reply, 1000), MiValue.of("ok"), id(2));
        assertThat(text(reply)).isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"ok\",\"id\":2}");
    }
}
