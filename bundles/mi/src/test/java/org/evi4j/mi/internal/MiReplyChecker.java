package org.evi4j.mi.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.evi4j.testkit.FuzzMutator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The fuzz oracle: whether a dispatcher outcome is one SPEC 6 allows for that request. Returns what is wrong, or
 * {@code null}.
 */
final class MiReplyChecker {

    private static final Set<String> FIXED = Set.of(LegacyWriter.COMMAND_NOT_AVAILABLE, LegacyWriter.PARSE_ERROR,
            LegacyWriter.COMMAND_FAILED, LegacyWriter.INTERNAL_ERROR, LegacyWriter.TOO_LARGE);
    /** An escaped surrogate: valid JSON grammar (RFC 8259 7), though Jackson refuses a lone one in a name. */
    private static final Pattern ESCAPED_SURROGATE = Pattern.compile("\\\\u[dD][89a-fA-F][0-9a-fA-F]{2}");
    private static final Pattern LEGACY_TREE = Pattern.compile("[1-9][0-9]{2} [^\n]*\n(?s:.*)\n");

    private final ObjectMapper strict = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private final ObjectMapper lenient = new ObjectMapper();

    /** @param reply the reply bytes, or {@code null} when the dispatcher said none is to be sent */
    String check(byte[] request, byte[] reply) {
        boolean legacy = request.length > 0 && request[0] == ':';
        if (reply == null) {
            return legacy ? "no reply to a legacy request" : notification(request);
        }
        if (reply.length > FuzzMutator.MAX_DATAGRAM) {
            return "reply of " + reply.length + " bytes";
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(reply)).toString();
        } catch (CharacterCodingException e) {
            return "reply is not UTF-8";
        }
        return legacy ? legacyReply(text) : jsonReply(text);
    }

    /**
     * No reply is right only for a JSON-RPC notification: a JSON object without any id member. Bad UTF-8 is no
     * reason to answer: like cJSON, the dispatcher does not look inside the members it skips; and Jackson reading
     * bytes skips a byte order mark.
     */
    private String notification(byte[] request) {
        String text = new String(request, StandardCharsets.UTF_8);
        JsonNode tree;
        try {
            tree = lenient.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (Exception e) {
            return "no reply to a request that is not JSON (" + e.getClass().getSimpleName() + ")";
        }
        if (tree == null || !tree.isObject()) {
            return "no reply to a request that is not a JSON object";
        }
        for (Iterator<String> names = tree.fieldNames(); names.hasNext();) {
            if (names.next().equalsIgnoreCase("id")) {
                return "no reply to a request with an id";
            }
        }
        return null;
    }

    private static String legacyReply(String text) {
        if (FIXED.contains(text) || LEGACY_TREE.matcher(text).matches() && text.endsWith("\n\n")) {
            return null;
        }
        return "not a legacy reply: " + abbreviate(text);
    }

    private String jsonReply(String text) {
        JsonNode tree;
        try {
            tree = strict.readTree(text.indexOf("\\u") < 0 ? text
                    : ESCAPED_SURROGATE.matcher(text).replaceAll("\\\\u0000"));
        } catch (Exception e) {
            return "reply is not one JSON value: " + e.getMessage() + " in " + abbreviate(text);
        }
        List<String> keys = new ArrayList<>();
        tree.fieldNames().forEachRemaining(keys::add);
        boolean result = keys.equals(List.of("jsonrpc", "result", "id"));
        if (!result && !keys.equals(List.of("jsonrpc", "error", "id"))) {
            return "reply keys " + keys + " in " + abbreviate(text);
        }
        if (!"2.0".equals(tree.get("jsonrpc").textValue())) {
            return "jsonrpc member " + tree.get("jsonrpc");
        }
        JsonNode id = tree.get("id");
        if (!id.isNull() && !id.isTextual() && !id.isInt()) {
            return "id " + id;
        }
        if (text.indexOf('\n') >= 0 || text.startsWith(" ") || text.endsWith(" ")) {
            return "reply is not compact: " + abbreviate(text);
        }
        return result ? null : error(tree.get("error"));
    }

    private static String error(JsonNode error) {
        List<String> keys = new ArrayList<>();
        error.fieldNames().forEachRemaining(keys::add);
        if (!keys.equals(List.of("code", "message")) && !keys.equals(List.of("code", "message", "data"))) {
            return "error keys " + keys;
        }
        if (!error.get("code").isInt() || !error.get("message").isTextual()
                || error.has("data") && !error.get("data").isTextual()) {
            return "error member types " + error;
        }
        return null;
    }

    static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...(" + s.length() + " chars)";
    }
}
