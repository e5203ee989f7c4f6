package org.evi4j.cjson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonGenerator;

class CJsonTest {

    private static String write(String value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = CJson.factory().createGenerator(out)) {
            g.writeString(value);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void controlCharactersInLowercaseHexAndShortForms() throws IOException {
        assertThat(write("a\u0001b\u001fc\u007fd\u0000")).isEqualTo("\"a\\u0001b\\u001fc\u007fd\\u0000\"");
        assertThat(write("t\tr\rn\nb\bf\f")).isEqualTo("\"t\\tr\\rn\\nb\\bf\\f\"");
    }

    @Test
    void quotesBackslashesEscapedSlashAndNonAsciiRaw() throws IOException {
        assertThat(write("C:\\d /u \"q\"")).isEqualTo("\"C:\\\\d /u \\\"q\\\"\"");
        assertThat(write("José ☃ 📞")).isEqualTo("\"José ☃ 📞\"");
    }
}
