package org.evi4j.mi.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.evi4j.cjson.mi.MiJson;
import org.evi4j.mi.MiValue;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads a JSON-RPC request with Jackson's streaming parser, straight from the datagram's bytes, with cJSON's rules:
 * member names case-insensitive (the first of a name wins), bytes after the top-level value ignored.
 */
final class JsonRpcReader {

    private JsonRpcReader() {
    }

    /**
     * @throws IOException when the bytes are not JSON (an empty datagram included)
     */
    static JsonRpcRequest read(RequestParsers parsers, byte[] bytes, int offset, int length) throws IOException {
        try (JsonParser p = parsers.create(bytes, offset, length)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new JsonParseException(p, "empty request");
            }
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                return JsonRpcRequest.invalidWithNullId();
            }
            JsonRpcRequest request = new JsonRpcRequest();
            boolean jsonrpc = false;
            boolean method = false;
            boolean params = false;
            boolean id = false;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                t = p.nextToken();
                if (!jsonrpc && name.equalsIgnoreCase("jsonrpc")) {
                    jsonrpc = true;
                    request.invalid |= t != JsonToken.VALUE_STRING || !"2.0".equals(p.getText());
                } else if (!method && name.equalsIgnoreCase("method")) {
                    method = true;
                    request.method = t == JsonToken.VALUE_STRING ? p.getText() : null;
                } else if (!params && name.equalsIgnoreCase("params")) {
                    params = true;
                    readParams(p, t, request);
                } else if (!id && name.equalsIgnoreCase("id")) {
                    id = true;
                    readId(p, t, request);
                }
                p.skipChildren();
            }
            if (t != JsonToken.END_OBJECT) {
                throw new JsonParseException(p, "unterminated request");
            }
            request.invalid |= !jsonrpc || request.method == null;
            return request;
        }
    }

    private static void readParams(JsonParser p, JsonToken t, JsonRpcRequest request) throws IOException {
        if (t == JsonToken.START_ARRAY) {
            List<MiValue> values = new ArrayList<>();
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                values.add(MiJson.read(p, t));
            }
            request.positional = values.isEmpty() ? null : values;
        } else if (t == JsonToken.START_OBJECT) {
            List<Map.Entry<String, MiValue>> members = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                members.add(Map.entry(key, MiJson.read(p, p.nextToken())));
            }
            request.named = members.isEmpty() ? null : members;
        } else {
            request.invalid = true;
        }
    }

    private static void readId(JsonParser p, JsonToken t, JsonRpcRequest request) throws IOException {
        switch (t) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                request.idKind = JsonRpcRequest.IdKind.NUMBER;
                request.idNumber = Params.saturate(MiJson.number(p, t));
            }
            case VALUE_STRING -> {
                request.idKind = JsonRpcRequest.IdKind.STRING;
                request.idString = p.getText();
            }
            case VALUE_NULL -> request.idKind = JsonRpcRequest.IdKind.NULL;
            default -> {
                // SPEC 7: answered with -32600 and a null id, where OpenSIPS sends plain text
                request.idKind = JsonRpcRequest.IdKind.NULL;
                request.invalid = true;
            }
        }
    }
}
