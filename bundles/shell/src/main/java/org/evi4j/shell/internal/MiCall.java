package org.evi4j.shell.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import org.evi4j.api.EventInterface;
import org.evi4j.mi.MiDispatcher;

/**
 * One in-process MI call: builds the JSON-RPC request, hands it to the dispatcher and reads the reply. Every
 * argument is sent as a JSON string; the MI commands convert strings holding numbers where they want ints.
 */
final class MiCall {

    private static final JsonFactory JSON = new JsonFactory();

    private MiCall() {
    }

    /**
     * Runs a command.
     *
     * @param named whether the args are {@code name=value} pairs (sent as an object) rather than positional
     * @return the result: a string result as its text, anything else as indented JSON
     * @throws IllegalArgumentException for an MI error reply or a named arg without {@code =}
     */
    static String call(MiDispatcher dispatcher, String command, List<String> args, boolean named) {
        ByteBuffer reply = ByteBuffer.allocate(EventInterface.MAX_DATAGRAM);
        if (!dispatcher.dispatch(ByteBuffer.wrap(request(command, args, named)), reply, "\t")) {
            return "";
        }
        return render(reply);
    }

    /** The command names the dispatcher serves now, as {@code which} lists them. */
    static List<String> commands(MiDispatcher dispatcher) {
        ByteBuffer reply = ByteBuffer.allocate(EventInterface.MAX_DATAGRAM);
        dispatcher.dispatch(ByteBuffer.wrap(request("which", List.of(), false)), reply, "\t");
        List<String> names = new ArrayList<>();
        try (JsonParser p = parser(reply)) {
            if (p.nextToken() == JsonToken.START_OBJECT && seek(p, "result") == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.VALUE_STRING) {
                    names.add(p.getText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    static byte[] request(String command, List<String> args, boolean named) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("jsonrpc", "2.0");
            g.writeStringField("method", command);
            if (args != null && !args.isEmpty()) {
                writeParams(g, args, named);
            }
            g.writeNumberField("id", 1);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeParams(JsonGenerator g, List<String> args, boolean named) throws IOException {
        g.writeFieldName("params");
        if (!named) {
            g.writeStartArray();
            for (String arg : args) {
                g.writeString(arg);
            }
            g.writeEndArray();
            return;
        }
        g.writeStartObject();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("named parameter is not name=value: " + arg);
            }
            g.writeStringField(arg.substring(0, eq), arg.substring(eq + 1));
        }
        g.writeEndObject();
    }

    /** The result of a JSON-RPC reply, or an exception carrying its error. */
    static String render(ByteBuffer reply) {
        try (JsonParser p = parser(reply)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("MI reply is not a JSON object");
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String field = p.currentName();
                p.nextToken();
                if ("result".equals(field)) {
                    return p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : pretty(p);
                }
                if ("error".equals(field)) {
                    throw new IllegalArgumentException(error(p));
                }
                p.skipChildren();
            }
            throw new IllegalArgumentException("MI reply holds neither result nor error");
        } catch (IOException e) {
            throw new IllegalArgumentException("MI reply is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static String pretty(JsonParser p) throws IOException {
        StringWriter text = new StringWriter();
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter();
        printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
        try (JsonGenerator g = JSON.createGenerator(text).setPrettyPrinter(printer)) {
            g.copyCurrentStructure(p);
        }
        return text.toString();
    }

    private static String error(JsonParser p) throws IOException {
        String code = "?";
        String message = "";
        String data = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "code" -> code = p.getText();
                case "message" -> message = p.getText();
                case "data" -> data = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : compact(p);
                default -> p.skipChildren();
            }
        }
        return "MI error " + code + ": " + message + (data == null ? "" : " (" + data + ")");
    }

    private static String compact(JsonParser p) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.copyCurrentStructure(p);
        }
        return text.toString();
    }

    private static JsonToken seek(JsonParser p, String name) throws IOException {
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            JsonToken value = p.nextToken();
            if (name.equals(p.currentName())) {
                return value;
            }
            p.skipChildren();
        }
        return null;
    }

    private static JsonParser parser(ByteBuffer reply) throws IOException {
        return JSON.createParser(reply.array(), reply.arrayOffset() + reply.position(), reply.remaining());
    }
}
