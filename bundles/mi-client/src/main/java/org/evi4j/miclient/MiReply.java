package org.evi4j.miclient;

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
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

/**
 * An MI reply made readable: the one reply codec, and so the one output format, of the command-line client
 * ({@code mi}) and the Karaf shell ({@code evi:mi}).
 *
 * @param ok   whether the command succeeded
 * @param text what to show: the result (pretty JSON, a bare string unquoted, or the legacy lines) or the error
 */
public record MiReply(boolean ok, String text) {

    private static final JsonFactory JSON = new JsonFactory();

    /** Decodes a JSON-RPC 2.0 reply; a reply that is not one is shown as it came, as an error. */
    public static MiReply jsonRpc(byte[] data, int length) {
        return jsonRpc(data, 0, length);
    }

    /** Decodes a JSON-RPC 2.0 reply from {@code length} bytes at {@code offset}. */
    public static MiReply jsonRpc(byte[] data, int offset, int length) {
        String raw = new String(data, offset, length, StandardCharsets.UTF_8);
        try (JsonParser parser = JSON.createParser(data, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new MiReply(false, "not a JSON-RPC reply: " + raw);
            }
            MiReply reply = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if ("result".equals(field)) {
                    reply = new MiReply(true, result(parser));
                } else if ("error".equals(field)) {
                    reply = new MiReply(false, error(parser));
                } else {
                    parser.skipChildren();
                }
            }
            return reply != null ? reply : new MiReply(false, "not a JSON-RPC reply: " + raw);
        } catch (JsonProcessingException e) {
            return new MiReply(false, "not a JSON-RPC reply (" + e.getOriginalMessage() + "): " + raw);
        } catch (IOException e) {
            return new MiReply(false, "not a JSON-RPC reply (" + e.getMessage() + "): " + raw);
        }
    }

    /** The strings of a JSON-RPC reply whose result is an array ({@code which}: the command names); else none. */
    public static List<String> strings(byte[] data, int offset, int length) {
        List<String> strings = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(data, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return strings;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("result".equals(field) && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.VALUE_STRING) {
                        strings.add(parser.getText());
                    }
                    return strings;
                }
                parser.skipChildren();
            }
        } catch (IOException e) {
            // not JSON: no strings
        }
        return strings;
    }

    private static String result(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator pretty = JSON.createGenerator(out)) {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            pretty.setPrettyPrinter(printer);
            pretty.copyCurrentStructure(parser);
        }
        return out.toString();
    }

    private static String error(JsonParser parser) throws IOException {
        String code = "?";
        String message = "";
        String data = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "code" -> code = parser.getText();
                case "message" -> message = parser.getText();
                case "data" -> data = compact(parser);
                default -> parser.skipChildren();
            }
        }
        return "error " + code + ": " + message + (data == null ? "" : " (" + data + ")");
    }

    private static String compact(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.copyCurrentStructure(parser);
        }
        return out.toString();
    }

    /**
     * Decodes a legacy text reply ({@code CODE REASON} then lines): success for a 2xx code. The text is the reply
     * without its optional terminating empty line; for errors, the first line.
     */
    public static MiReply legacy(byte[] data, int length) {
        String raw = new String(data, 0, length, StandardCharsets.UTF_8);
        String text = raw.endsWith("\n\n") ? raw.substring(0, raw.length() - 2)
                : raw.endsWith("\n") ? raw.substring(0, raw.length() - 1) : raw;
        boolean ok = raw.length() > 3 && raw.charAt(0) == '2' && Character.isDigit(raw.charAt(1))
                && Character.isDigit(raw.charAt(2)) && raw.charAt(3) == ' ';
        return new MiReply(ok, ok ? text : "error " + text);
    }
}
