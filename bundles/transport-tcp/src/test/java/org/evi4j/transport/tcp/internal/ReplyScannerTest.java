package org.evi4j.transport.tcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.evi4j.cjson.CJson;
import org.junit.jupiter.api.Test;

class ReplyScannerTest {

    private final ReplyScanner scanner = new ReplyScanner(CJson.factory());
    private final List<String> replies = new ArrayList<>();

    private void feed(String text) throws ReplyScanner.BadReply {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        scanner.feed(bytes, bytes.length, (id, error) -> replies.add(id + (error ? " error" : " ok")));
    }

    @Test
    void concatenatedRepliesSplitAnywhereAreReadWhole() throws Exception {
        String stream = "{\"jsonrpc\":\"2.0\",\"result\":\"OK\",\"id\":1}{\"jsonrpc\":\"2.0\",\"error\":{\"code\":"
                + "-32000,\"message\":\"Server error\",\"data\":{\"id\":9}},\"id\":2} "
                + "{\"id\":3,\"result\":[{\"id\":7}]}";
        for (int i = 0; i < stream.length(); i += 7) {
            feed(stream.substring(i, Math.min(stream.length(), i + 7)));
        }
        assertThat(replies).containsExactly("1 ok", "2 error", "3 ok");
    }

    @Test
    void anErrorMemberMakesAFailureWhateverItsValue() throws Exception {
        feed("{\"id\":4,\"error\":null}");
        assertThat(replies).containsExactly("4 error");
    }

    @Test
    void repliesOpenSipsClosesTheConnectionFor() {
        assertThatThrownBy(() -> feed("{\"jsonrpc\":\"2.0\",\"result\":\"OK\"}"))
                .hasMessage("reply does not have an ID!");
        assertThatThrownBy(() -> new ReplyScannerTest().feed("{\"id\":\"7\"}"))
                .hasMessage("json does not have an integer id!");
        assertThatThrownBy(() -> new ReplyScannerTest().feed("{\"id\":99999999999}"))
                .hasMessage("json does not have an integer id!");
        assertThatThrownBy(() -> new ReplyScannerTest().feed("[1,2]")).hasMessage("reply does not have an ID!");
        assertThatThrownBy(() -> new ReplyScannerTest().feed("{\"id\":1,]"))
                .hasMessageStartingWith("cannot parse reply");
    }
}
