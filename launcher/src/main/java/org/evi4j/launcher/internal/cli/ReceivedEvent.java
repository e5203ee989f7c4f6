package org.evi4j.launcher.internal.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * An event datagram as a listener received it, decoded from either encoder's form: a JSON-RPC 2.0 notification
 * (the first byte is <code>{</code>) or the legacy {@code name::value} text.
 *
 * @param name   the event name
 * @param params the parameters in order
 */
public record ReceivedEvent(String name, List<Param> params) {

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * One parameter.
     *
     * @param name  the name, or {@code null} (unnamed, or a JSON-RPC array element)
     * @param value a {@link Long} (JSON integers), a {@link String}, {@code null}, or, for any other JSON value,
     *              its compact JSON text as a {@link RawJson}
     */
    public record Param(String name, Object value) {
    }

    /** JSON that is neither a string, an integer nor null, kept as its compact text. */
    public record RawJson(String json) {
    }

    /**
     * Decodes a datagram.
     *
     * @throws IllegalArgumentException when it is neither form
     */
    public static ReceivedEvent decode(byte[] data, int length) {
        if (length > 0 && data[0] == '{') {
            return decodeJson(data, length);
        }
        return LegacyEventText.decode(new String(data, 0, length, StandardCharsets.UTF_8));
    }

    private static ReceivedEvent decodeJson(byte[] data, int length) {
        try (JsonParser parser = JSON.createParser(data, 0, length)) {
            parser.nextToken();
            String method = null;
            List<Param> params = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                if ("method".equals(field) && token == JsonToken.VALUE_STRING) {
                    method = parser.getText();
                } else if ("params".equals(field) && token == JsonToken.START_OBJECT) {
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String name = parser.currentName();
                        parser.nextToken();
                        params.add(new Param(name, value(parser)));
                    }
                } else if ("params".equals(field) && token == JsonToken.START_ARRAY) {
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        params.add(new Param(null, value(parser)));
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (method == null) {
                throw new IllegalArgumentException("JSON datagram without a \"method\"");
            }
            return new ReceivedEvent(method, List.copyOf(params));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad JSON datagram: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("bad JSON datagram: " + e.getMessage(), e);
        }
    }

    private static Object value(JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case VALUE_NULL:
                return null;
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                if (parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                    return parser.getLongValue();
                }
                return new RawJson(parser.getText());
            default:
                StringWriter out = new StringWriter();
                try (JsonGenerator json = JSON.createGenerator(out)) {
                    json.copyCurrentStructure(parser);
                }
                return new RawJson(out.toString());
        }
    }

    /**
     * One line: the name, then each parameter as {@code name=value} or {@code value}; strings are written bare
     * unless empty or holding spaces, quotes, {@code =}, backslashes or control characters (then JSON-quoted),
     * so that {@code null} and {@code "null"} stay apart.
     */
    public String toLine() {
        StringBuilder line = new StringBuilder(name);
        for (Param param : params) {
            line.append(' ');
            if (param.name() != null) {
                line.append(param.name().isEmpty() ? "\"\"" : quoted(param.name())).append('=');
            }
            Object value = param.value();
            if (value instanceof String s) {
                line.append(quoted(s));
            } else if (value instanceof RawJson raw) {
                line.append(raw.json());
            } else {
                line.append(value);
            }
        }
        return line.toString();
    }

    private static String quoted(String s) {
        if (!s.isEmpty() && !"null".equals(s) && s.chars().noneMatch(ReceivedEvent::special)) {
            return s;
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static boolean special(int c) {
        return c <= ' ' || c == '"' || c == '=' || c == '\\' || c == 0x7f || c == '{' || c == '[';
    }
}
