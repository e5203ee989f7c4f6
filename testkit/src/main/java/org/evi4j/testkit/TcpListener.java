package org.evi4j.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real TCP listener on 127.0.0.1 and a free port, one thread per accepted connection, recording the bytes of each
 * connection. In {@link Mode#READ} it only reads; {@link Mode#CLOSE_AFTER_FIRST} closes each connection once it has
 * received a whole first request; {@link Mode#SILENT} reads and never answers; {@link Mode#REPLY},
 * {@link Mode#ERROR} and {@link Mode#NO_ID} answer each request as the vectors' listeners do; {@link Mode#STALL}
 * accepts and never reads, so that the sender's socket fills up.
 */
public final class TcpListener implements AutoCloseable {

    /** What the listener does with what it reads. */
    public enum Mode {
        READ, CLOSE_AFTER_FIRST, SILENT, REPLY, ERROR, NO_ID, STALL
    }

    /** Requests as evi4j writes them in reliable mode start with their id. */
    private static final Pattern REQUEST = Pattern.compile("\\{\"id\":(\\d+),\"jsonrpc\"");

    private final List<Socket> stalled = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private final Thread acceptor;
    /** The accepted connections, in order. */
    public final List<Conn> connections = new CopyOnWriteArrayList<>();
    /** Changed at any time; applies to what is read next. */
    public volatile Mode mode;

    /** One accepted connection: what it received, and whether it has ended. */
    public static final class Conn {
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        /** Whether either side has closed it. */
        public volatile boolean ended;

        /** What it received, as UTF-8 text. */
        public synchronized String text() {
            return received.toString(StandardCharsets.UTF_8);
        }

        /** What it received. */
        public synchronized byte[] bytes() {
            return received.toByteArray();
        }

        synchronized void add(byte[] b, int n) {
            received.write(b, 0, n);
        }
    }

    public TcpListener(Mode mode) throws IOException {
        this.mode = mode;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "test-tcp-listener-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The address part of a {@code tcp:} socket for this listener. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    /**
     * A vector's {@code tcp:127.0.0.1:PORT[/METHOD]} socket pointed at this listener, without the scheme: the same
     * method, this listener's port.
     */
    public String addressFor(String vectorSocket) {
        String rest = vectorSocket.substring(vectorSocket.indexOf(':', "tcp:".length()) + 1);
        int slash = rest.indexOf('/');
        return address() + (slash < 0 ? "" : rest.substring(slash));
    }

    public InetSocketAddress socketAddress() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /** Everything received, all connections in order. */
    public String allText() {
        StringBuilder all = new StringBuilder();
        connections.forEach(c -> all.append(c.text()));
        return all.toString();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Conn conn = new Conn();
                connections.add(conn);
                if (mode == Mode.STALL) {
                    stalled.add(socket);
                    continue;
                }
                Thread reader = new Thread(() -> serve(socket, conn), acceptor.getName() + "-conn");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket, Conn conn) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            byte[] buffer = new byte[8192];
            int answered = 0;
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                conn.add(buffer, n);
                if (mode == Mode.CLOSE_AFTER_FIRST && conn.text().contains("}")) {
                    return;
                }
                answered = answer(conn.text(), answered, out);
            }
        } catch (IOException e) {
            // closed by either side
        } finally {
            conn.ended = true;
        }
    }

    /** Answers the requests not answered yet; returns how many are answered now. */
    private int answer(String text, int answered, OutputStream out) throws IOException {
        Mode m = mode;
        if (m != Mode.REPLY && m != Mode.ERROR && m != Mode.NO_ID) {
            return answered;
        }
        Matcher ids = REQUEST.matcher(text);
        int seen = 0;
        StringBuilder replies = new StringBuilder();
        while (ids.find()) {
            if (seen++ >= answered) {
                String id = ids.group(1);
                replies.append(switch (m) {
                    case REPLY -> "{\"jsonrpc\":\"2.0\",\"result\":\"OK\",\"id\":" + id + "}";
                    case ERROR -> "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32000,\"message\":\"Server error\"},"
                            + "\"id\":" + id + "}";
                    default -> "{\"jsonrpc\":\"2.0\",\"result\":\"OK\"}";
                });
            }
        }
        out.write(replies.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return seen;
    }

    /** Closes the listening socket and the stalled connections; the others stay until their peer ends them. */
    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : stalled) {
            s.close();
        }
    }
}
