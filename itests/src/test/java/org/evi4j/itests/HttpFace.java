package org.evi4j.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** The HTTP service of a test runtime, and raw HTTP/1.1 exchanges with it over a plain socket. */
final class HttpFace {

    private static final String RUNTIME = "org.osgi.service.http.runtime.HttpServiceRuntime";
    private static final int READ_MILLIS = 5_000;
    /** How long a connection must stay quiet after a response to count as kept open. */
    private static final int OPEN_MILLIS = 150;

    private HttpFace() {
    }

    /** The base URI ({@code http://127.0.0.1:PORT/}) the HTTP service listens on, once it does. */
    static URI endpoint(BundleContext context) {
        AtomicReference<URI> uri = new AtomicReference<>();
        Await.until("an HttpServiceRuntime with an osgi.http.endpoint", () -> {
            try {
                ServiceReference<?>[] refs = context.getServiceReferences(RUNTIME, null);
                Object endpoint = refs == null ? null : refs[0].getProperty("osgi.http.endpoint");
                String first = endpoint instanceof String[] ? ((String[]) endpoint)[0]
                        : endpoint instanceof java.util.Collection ? String.valueOf(((java.util.Collection<?>) endpoint)
                                .iterator().next()) : (String) endpoint;
                if (first == null || first.endsWith(":0/")) {
                    return false;
                }
                uri.set(URI.create(first.endsWith("/") ? first : first + "/"));
                return true;
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
        return uri.get();
    }

    /**
     * A response as it came off the wire.
     *
     * @param head   status line and headers, up to and without the blank line
     * @param body   the body (Content-Length or de-chunked); empty when none
     * @param closed whether the server closed the connection after it
     */
    record Raw(String head, byte[] body, boolean closed) {

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The head with the Date value masked as the vectors mask it. */
        String maskedHead() {
            return head.replaceFirst("(?m)^Date: [^\r\n]*", "Date: <RFC 7231 date>");
        }

        int status() {
            return Integer.parseInt(head.substring(9, 12));
        }
    }

    /** Connects, optionally sends, and reads one response; {@code null} when the server closed without one. */
    static Raw exchange(URI base, byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), READ_MILLIS);
            socket.setSoTimeout(READ_MILLIS);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            if (head == null) {
                return null;
            }
            byte[] body = head.toLowerCase(Locale.ROOT).contains("\r\ntransfer-encoding: chunked") ? chunked(in)
                    : in.readNBytes(contentLength(head));
            if (request.length >= 5 && new String(request, 0, 5, StandardCharsets.US_ASCII).equals("HEAD ")) {
                body = new byte[0];
            }
            socket.setSoTimeout(OPEN_MILLIS);
            boolean closed;
            try {
                closed = in.read() < 0;
            } catch (SocketTimeoutException e) {
                closed = false;
            } catch (IOException e) {
                closed = true;
            }
            return new Raw(head, body, closed);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] so = head.toByteArray();
            int n = so.length;
            if (n >= 4 && so[n - 4] == '\r' && so[n - 3] == '\n' && so[n - 2] == '\r' && so[n - 1] == '\n') {
                return new String(Arrays.copyOf(so, n - 4), StandardCharsets.ISO_8859_1);
            }
        }
        return head.size() == 0 ? null : head.toString(StandardCharsets.ISO_8859_1);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).strip());
            }
        }
        return 0;
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            StringBuilder size = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (b != '\r') {
                    size.append((char) b);
                }
            }
            int n = Integer.parseInt(size.toString().strip(), 16);
            if (n == 0) {
                in.readNBytes(2);
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            in.readNBytes(2);
        }
    }
}
