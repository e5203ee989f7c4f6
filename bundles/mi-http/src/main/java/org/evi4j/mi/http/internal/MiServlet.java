package org.evi4j.mi.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.evi4j.api.EventInterface;
import org.evi4j.mi.MiDispatcher;
import org.evi4j.support.LogLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 by POST, answered by the {@link MiDispatcher} with OpenSIPS {@code mi_http}'s status codes: 200 with
 * the reply, 202 for a notification, 400 for an empty or form body, 405 for another method. Unlike OpenSIPS's
 * {@code httpd}, every reply is finished ({@code Content-Length}, never an unterminated chunked body), bodies up to
 * the MI's own limit are taken, a larger one gets 413 and a body that is not JSON 415 (OpenSIPS closes those
 * connections without a word).
 */
final class MiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MiServlet.class);
    static final String JSON = "application/json";
    /** The largest request the MI takes, as for the datagram sockets. */
    static final int MAX_BODY = EventInterface.MAX_DATAGRAM;

    private final transient MiDispatcher dispatcher;
    private final transient HttpCounters counters;
    private final transient LogLimiter badRequests = new LogLimiter(10, TimeUnit.SECONDS);
    /** One reply buffer per server thread: a reply may take the whole 65457 bytes. */
    private final transient ThreadLocal<ByteBuffer> replies =
            ThreadLocal.withInitial(() -> ByteBuffer.allocate(MAX_BODY));

    MiServlet(MiDispatcher dispatcher, HttpCounters counters) {
        this.dispatcher = dispatcher;
        this.counters = counters;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"POST".equals(request.getMethod())) {
            // OpenSIPS: 405 for GET (406 for the rest), with Connection: close
            response.setHeader("Allow", "POST");
            response.setHeader("Connection", "close");
            refuse(request, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "method " + request.getMethod());
            return;
        }
        String type = mediaType(request.getContentType());
        if (type.equals("application/x-www-form-urlencoded") || type.equals("multipart/form-data")) {
            // OpenSIPS parses these as forms and hands the MI an empty request: 400
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "a form body");
            return;
        }
        if (!type.startsWith(JSON) && !type.equals("text/xml")) {
            refuse(request, response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    type.isEmpty() ? "no Content-Type" : "Content-Type " + type);
            return;
        }
        byte[] body = readBody(request);
        if (body == null) {
            response.setHeader("Connection", "close");
            refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "a body over " + MAX_BODY + " bytes");
        } else if (body.length == 0) {
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, "an empty body");
        } else {
            answer(body, request, response);
        }
    }

    private void answer(byte[] body, HttpServletRequest httpRequest, HttpServletResponse response)
            throws IOException {
        counters.requests.increment();
        ByteBuffer reply = replies.get();
        // mi_http speaks JSON only; the dispatcher takes a leading ':' for the legacy text MI. A leading space,
        // which JSON skips, keeps such a body on the JSON path, where it is the -32700 it is for OpenSIPS.
        ByteBuffer request = body[0] == ':' ? ByteBuffer.wrap(withLeadingSpace(body)) : ByteBuffer.wrap(body);
        boolean replied = dispatcher.dispatch(request, reply, null, command -> true,
                "http:" + httpRequest.getRemoteAddr());
        response.setContentType(JSON);
        if ("HTTP/1.0".equals(httpRequest.getProtocol())) {
            // said by OpenSIPS too; Jetty closes an HTTP/1.0 connection either way
            response.setHeader("Connection", "close");
        }
        if (!replied) {
            response.setStatus(HttpServletResponse.SC_ACCEPTED);
            response.setContentLength(0);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentLength(reply.remaining());
        response.getOutputStream().write(reply.array(), reply.arrayOffset() + reply.position(), reply.remaining());
        counters.replies.increment();
    }

    private static byte[] withLeadingSpace(byte[] body) {
        byte[] spaced = new byte[body.length + 1];
        spaced[0] = ' ';
        System.arraycopy(body, 0, spaced, 1, body.length);
        return spaced;
    }

    /** The body, or {@code null} when it is longer than {@link #MAX_BODY} (then not read to its end). */
    static byte[] readBody(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > MAX_BODY) {
            return null;
        }
        byte[] buffer = new byte[declared >= 0 ? (int) declared : 4096];
        int length = 0;
        try (InputStream in = request.getInputStream()) {
            while (true) {
                if (length == buffer.length) {
                    if (length > MAX_BODY) {
                        return null;
                    }
                    buffer = Arrays.copyOf(buffer, Math.min(Math.max(length * 2, 4096), MAX_BODY + 1));
                }
                int n = in.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    break;
                }
                length += n;
            }
        }
        return length > MAX_BODY ? null : Arrays.copyOf(buffer, length);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String why) {
        counters.errors.increment();
        long skipped = badRequests.permit();
        if (skipped >= 0) {
            LOG.warn("MI over HTTP: {} {} from {} answered {}: {}{}", request.getMethod(), request.getRequestURI(),
                    request.getRemoteAddr(), status, why, skipped > 0 ? " (" + skipped + " more not logged)" : "");
        }
        response.setStatus(status);
        response.setContentType(JSON);
        response.setContentLength(0);
    }

    /** The media type of a Content-Type, lower case, without parameters; empty when there is none. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
