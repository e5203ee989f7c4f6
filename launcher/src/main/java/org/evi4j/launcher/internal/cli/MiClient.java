package org.evi4j.launcher.internal.cli;

import java.io.IOException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.util.List;

import org.evi4j.miclient.MiReply;
import org.evi4j.miclient.MiRequests;

/** Sends MI requests to one MI socket and waits for each reply. Not thread-safe. */
public final class MiClient implements AutoCloseable {

    /** The largest MI datagram (SPEC section 6), plus one byte to tell a full one from a truncated one. */
    static final int BUFFER = 65457 + 1;

    private final SocketSpec server;
    private final Endpoint endpoint;
    private final boolean legacy;
    private final byte[] buffer = new byte[BUFFER];
    private int nextId = 1;

    private MiClient(SocketSpec server, Endpoint endpoint, boolean legacy) {
        this.server = server;
        this.endpoint = endpoint;
        this.legacy = legacy;
    }

    /** A client of the MI socket {@code server}, speaking JSON-RPC or the legacy text. */
    public static MiClient open(SocketSpec server, boolean legacy) throws IOException {
        return new MiClient(server, Endpoints.connectedTo(server), legacy);
    }

    /**
     * Runs one command.
     *
     * @param positional send JSON-RPC arguments positionally even when they all look like {@code key=value}
     * @throws MiUnavailableException when no reply came within the timeout, or the socket could not be used
     */
    public MiReply call(String command, List<String> args, boolean positional, int timeoutMillis)
            throws MiUnavailableException {
        byte[] request = legacy ? MiRequests.legacy(command, args)
                : MiRequests.jsonRpc(command, args, !positional && MiRequests.allNamed(args), nextId++);
        try {
            endpoint.send(request, request.length);
            int length = endpoint.receive(buffer, timeoutMillis);
            return legacy ? MiReply.legacy(buffer, length) : MiReply.jsonRpc(buffer, length);
        } catch (SocketTimeoutException e) {
            throw new MiUnavailableException("no reply from " + server + " within " + timeoutMillis + " ms");
        } catch (PortUnreachableException e) {
            throw new MiUnavailableException("nothing listens on " + server);
        } catch (IOException e) {
            throw new MiUnavailableException("cannot talk to " + server + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        endpoint.close();
    }

    /** The MI did not answer: timeout or socket error. */
    public static final class MiUnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        public MiUnavailableException(String message) {
            super(message);
        }
    }
}
