package org.evi4j.miclient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Turns a command and its arguments into an MI request: the one request codec of the command-line client
 * ({@code mi}) and the Karaf shell ({@code evi:mi}).
 *
 * <p>JSON-RPC: every argument is sent as a string (the MI converts strings holding numbers where a command wants
 * an int), positionally or, when the caller says so, as named parameters from {@code name=value} forms. Legacy
 * text: {@code :command:} then one argument per line, quoted when it would otherwise be read differently.
 */
public final class MiRequests {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern NAMED = Pattern.compile("[A-Za-z_][A-Za-z0-9_.:-]*=.*", Pattern.DOTALL);

    private MiRequests() {
    }

    /** Whether the arguments are all {@code key=value} forms, i.e. named parameters. */
    public static boolean allNamed(List<String> args) {
        return !args.isEmpty() && args.stream().allMatch(a -> NAMED.matcher(a).matches());
    }

    /**
     * A JSON-RPC 2.0 request: {@code {"jsonrpc":"2.0","method":..,"params":..,"id":..}}, params left out when
     * there are no arguments.
     *
     * @param named send the arguments as an object, each split at its first {@code =}
     * @throws IllegalArgumentException when {@code named} and an argument has no name before an {@code =}
     */
    public static byte[] jsonRpc(String command, List<String> args, boolean named, int id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 32 * args.size());
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("jsonrpc", "2.0");
            json.writeStringField("method", command);
            if (!args.isEmpty()) {
                json.writeFieldName("params");
                writeParams(json, args, named);
            }
            json.writeNumberField("id", id);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeParams(JsonGenerator json, List<String> args, boolean named) throws IOException {
        if (named) {
            json.writeStartObject();
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("named parameter is not name=value: " + arg);
                }
                json.writeStringField(arg.substring(0, eq), arg.substring(eq + 1));
            }
            json.writeEndObject();
        } else {
            json.writeStartArray();
            for (String arg : args) {
                json.writeString(arg);
            }
            json.writeEndArray();
        }
    }

    /**
     * A legacy text request (OpenSIPS 1.x-2.4 {@code mi_datagram}).
     *
     * @throws IllegalArgumentException for an argument the legacy grammar cannot carry: an empty one (blank lines
     *                                  are skipped and {@code ""} is a parse error), one that needs quoting but
     *                                  starts with {@code "} or ends with a backslash, or a command name holding
     *                                  {@code :} or a line break
     */
    public static byte[] legacy(String command, List<String> args) {
        if (command.isEmpty() || command.indexOf(':') >= 0 || command.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("bad legacy command name '" + command + "'");
        }
        StringBuilder text = new StringBuilder(command.length() + 3 + 32 * args.size());
        text.append(':').append(command).append(":\n");
        for (String arg : args) {
            text.append(legacyArgument(arg)).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One argument line: verbatim when the MI would read it back unchanged, else quoted with {@code \"}. */
    static String legacyArgument(String arg) {
        if (arg.isEmpty()) {
            throw new IllegalArgumentException("the legacy MI cannot carry an empty argument");
        }
        if (!needsQuotes(arg)) {
            return arg;
        }
        if (arg.startsWith("\"") || arg.endsWith("\\")) {
            throw new IllegalArgumentException(
                    "the legacy MI cannot carry an argument that starts with '\"' or ends with '\\' and needs quotes: "
                            + arg);
        }
        return '"' + arg.replace("\"", "\\\"") + '"';
    }

    private static boolean needsQuotes(String arg) {
        return arg.indexOf('\n') >= 0 || arg.indexOf('"') >= 0 || arg.contains("::")
                || Character.isWhitespace(arg.charAt(0)) || Character.isWhitespace(arg.charAt(arg.length() - 1));
    }
}
