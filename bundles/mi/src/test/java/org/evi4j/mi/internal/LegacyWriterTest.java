package org.evi4j.mi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.evi4j.mi.MiNode;
import org.evi4j.mi.MiResponse;
import org.evi4j.mi.MiValue;
import org.junit.jupiter.api.Test;

/** The tree writer, byte for byte against OPENSIPS-REFERENCE 4.4 and 1.8. */
class LegacyWriterTest {

    private static String write(List<MiNode> nodes, String indent) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1000);
        ReplyOutput out = new ReplyOutput(buffer, 1000);
        LegacyWriter.ok(out, nodes, indent);
        out.finish();
        return StandardCharsets.UTF_8.decode(buffer).toString();
    }

    @Test
    void nameWithoutValueThenAttributesGivesTheDoubleSpace() throws IOException {
        MiNode process = MiNode.builder("Process").attribute("ID", "0").attribute("PID", "31556")
                .attribute("Type", "SIP receiver udp:127.0.0.1:5071 ").build();
        assertThat(write(List.of(process), "\t"))
                .isEqualTo("200 OK\nProcess::  ID=0 PID=31556 Type=SIP receiver udp:127.0.0.1:5071 \n\n");
    }

    @Test
    void nestedNodesAreIndentedPerLevel() throws IOException {
        MiNode event = MiNode.builder("Event").value("E_TEST_NAMED").attribute("id", "3")
                .child(MiNode.builder("Subscriber").attribute("socket", "udp:127.0.0.1:8889")
                        .attribute("expire", "3600").build())
                .build();
        assertThat(write(List.of(event), "\t")).isEqualTo(
                "200 OK\nEvent:: E_TEST_NAMED id=3\n\tSubscriber::  socket=udp:127.0.0.1:8889 expire=3600\n\n");
    }

    @Test
    void customIndentRepeatsPerDepthAndEmptyIndentMeansNone() throws IOException {
        MiNode tree = MiNode.builder("a").child(MiNode.builder("b").child(MiNode.of("c", "3")).build()).build();
        assertThat(write(List.of(tree), "--")).isEqualTo("200 OK\na:: \n--b:: \n----c:: 3\n\n");
        assertThat(write(List.of(tree), "")).isEqualTo("200 OK\na:: \nb:: \nc:: 3\n\n");
    }

    @Test
    void valueOnlyLinesAndNoLinesAtAll() throws IOException {
        assertThat(write(MiResponse.of(MiValue.strings(List.of("uptime", "version"))).legacy(), "\t"))
                .isEqualTo("200 OK\nuptime\nversion\n\n");
        assertThat(write(MiResponse.ok().legacy(), "\t")).isEqualTo("200 OK\n\n");
    }

    @Test
    void valuesAreWrittenRawEvenWithLineFeeds() throws IOException {
        assertThat(write(List.of(MiNode.of("Server", "two\nlines é")), "\t"))
                .isEqualTo("200 OK\nServer:: two\nlines é\n\n");
    }

    @Test
    void errorTreeEndsWithAnEmptyLine() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(100);
        ReplyOutput out = new ReplyOutput(buffer, 100);
        LegacyWriter.error(out, 404, "Event not published");
        out.finish();
        assertThat(StandardCharsets.UTF_8.decode(buffer).toString()).isEqualTo("404 Event not published\n\n");
    }

    @Test
    void aReplyPastTheLimitThrows() {
        ReplyOutput out = new ReplyOutput(ByteBuffer.allocate(100), 10);
        assertThatThrownBy(() -> LegacyWriter.ok(out, List.of(MiNode.value("0123456789")), "\t"))
                .isInstanceOf(ReplyOutput.ReplyTooLargeException.class);
    }
}
