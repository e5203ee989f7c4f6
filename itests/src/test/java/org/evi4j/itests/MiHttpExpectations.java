package org.evi4j.itests;

import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What evi4j answers to each exchange of {@code mi-http.json}: OpenSIPS's response byte for byte (Date masked, the
 * server name evi4j's), except where evi4j differs on purpose (docs/http.md, compatibility notes): every empty reply
 * is finished with {@code Content-Length: 0} instead of an unterminated chunked body; wrong methods are 405 (with
 * {@code Allow}); a body that is not JSON is 415 instead of a silently closed connection; bodies up to the MI's
 * 65457 bytes are served; {@code "id":true} is -32600 with a null id (SPEC 7); paths beside the MI are the HTTP
 * service's (404 here). Jetty writes {@code Connection: close} after the other headers, where OpenSIPS writes it
 * after {@code Date} (the order of fields carries no meaning in HTTP); the {@code which} list is evi4j's.
 */
final class MiHttpExpectations {

    private static final String OPENSIPS = "OpenSIPS (3.6.8 (x86_64/linux))";
    private static final String DATE = "Date: <RFC 7231 date>\r\n";
    private static final String JSON = "Content-Type: application/json\r\n";
    private static final String EMPTY = "Content-Length: 0\r\n\r\n";
    private static final String CLOSE = "Connection: close\r\n";
    private static final String NOT_ALLOWED = "HTTP/1.1 405 Method Not Allowed\r\n" + DATE + "Allow: POST\r\n"
            + JSON + "Content-Length: 0\r\n" + CLOSE + "\r\n";
    private static final String UNSUPPORTED = "HTTP/1.1 415 Unsupported Media Type\r\n" + DATE + JSON + EMPTY;
    private static final String BAD = "HTTP/1.1 400 Bad Request\r\n" + DATE + JSON + EMPTY;

    private static final Map<String, Expected> DIFFERENCES = Map.of(
            "basic-6", new Expected("HTTP/1.1 202 Accepted\r\n" + DATE + JSON + EMPTY, null, false),
            "basic-7", new Expected(ok("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\"},"
                    + "\"id\":null}"), null, false),
            "errors-0", new Expected(NOT_ALLOWED, null, true),
            "errors-1", new Expected(UNSUPPORTED, null, false),
            "errors-2", new Expected(UNSUPPORTED, null, false),
            "errors-3", new Expected(BAD, null, false),
            "errors-4", new Expected(null, 404, false),
            "errors-5", new Expected(null, 404, false),
            "errors-6", new Expected(BAD, null, false),
            "errors-7", new Expected(NOT_ALLOWED, null, true));

    /** opensips-cli's which: evi4j's own command list. */
    private static final Expected CLI_WHICH = new Expected(Pattern.compile(Pattern.quote("HTTP/1.1 200 OK\r\n" + DATE
            + JSON) + "Content-Length: \\d+" + Pattern.quote("\r\n" + CLOSE + "\r\n")
            + "\\{\"jsonrpc\":\"2\\.0\",\"result\":\\[(\"[a-z_:]+\",)*\"version\",(\"[a-z_:]+\",)*\"[a-z_:]+\"\\],"
            + "\"id\":\"9453\"\\}"), null, true);

    private MiHttpExpectations() {
    }

    /** A full response ({@code response}: head + blank line + body, Date masked) or just a status. */
    record Expected(Object response, Integer status, boolean closed) {

        /** @return null when {@code got} is as expected, else what differs */
        String check(HttpFace.Raw got) {
            if (got == null) {
                return "no response";
            }
            String text = got.maskedHead() + "\r\n\r\n" + got.bodyText();
            boolean matches = response instanceof Pattern ? ((Pattern) response).matcher(text).matches()
                    : response == null || response.equals(text);
            if (!matches) {
                return "expected " + Texts.show(Texts.utf8(String.valueOf(response))) + " got " + Texts.show(Texts.utf8(text));
            }
            if (status != null && status != got.status()) {
                return "expected status " + status + " got " + Texts.show(Texts.utf8(text));
            }
            if (closed != got.closed()) {
                return "connection " + (got.closed() ? "closed" : "kept open") + " by the server";
            }
            return null;
        }
    }

    static Expected of(String id, JsonNode exchange, String server) {
        if (DIFFERENCES.containsKey(id)) {
            return DIFFERENCES.get(id);
        }
        if (id.equals("cli-0")) {
            return CLI_WHICH;
        }
        if (id.equals("errors-8")) {
            // HEAD: the head of a 405, no body
            return new Expected(NOT_ALLOWED, null, true);
        }
        if (id.equals("errors-11")) {
            // 1025 bytes: served like the 1024 of errors-10 (OpenSIPS: dropped, answered as an empty request)
            return new Expected(ok("{\"jsonrpc\":\"2.0\",\"result\":{\"Server\":\"" + server + "\"},\"id\":14}"), null,
                    false);
        }
        String response = exchange.get("response").asText();
        int split = response.indexOf("\r\n\r\n");
        String body = response.substring(split + 4).replace(OPENSIPS, server);
        String head = response.substring(0, split).replaceFirst("Content-Length: \\d+",
                "Content-Length: " + Texts.utf8(body).length);
        if (head.contains("\r\n" + CLOSE)) {
            head = head.replace("\r\n" + CLOSE, "\r\n") + "\r\n" + CLOSE.strip();
        }
        return new Expected(head + "\r\n\r\n" + body, null, exchange.get("connection_closed_by_server").asBoolean());
    }

    private static String ok(String body) {
        return "HTTP/1.1 200 OK\r\n" + DATE + JSON + "Content-Length: " + Texts.utf8(body).length + "\r\n\r\n" + body;
    }
}
