package org.evi4j.mi.datagram.internal;

import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;

import org.evi4j.support.LogLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The rate-limited warnings of one socket: at most one line per kind and interval, saying how many were skipped. */
final class ServerLogs {
    private static final Logger LOG = LoggerFactory.getLogger(MiDatagramServer.class);
    private static final long INTERVAL_SECONDS = 10;

    private final LogLimiter refused = limiter();
    private final LogLimiter receive = limiter();
    private final LogLimiter dispatch = limiter();
    private final LogLimiter drop = limiter();
    private final LogLimiter forbidden = limiter();

    private static LogLimiter limiter() {
        return new LogLimiter(INTERVAL_SECONDS, TimeUnit.SECONDS);
    }

    void refused(String socket, SocketAddress source) {
        long skipped = refused.permit();
        if (skipped >= 0) {
            LOG.warn("MI socket {}: ignored a request from {}, not in allowed_sources{}", socket, source,
                    skipped(skipped));
        }
    }

    /** @param command a registered command's name, never the request's text */
    void forbidden(String socket, String command, SocketAddress source) {
        long skipped = forbidden.permit();
        if (skipped >= 0) {
            LOG.warn("MI socket {}: refused {} from {}: not allowed on this socket (allowed_commands, read_only){}",
                    socket, command, source, skipped(skipped));
        }
    }

    void receiveFailed(String socket, Exception e) {
        long skipped = receive.permit();
        if (skipped >= 0) {
            LOG.warn("MI socket {}: receive failed: {}{}", socket, e.toString(), skipped(skipped));
        }
    }

    void dispatchFailed(String socket, SocketAddress source, Throwable e) {
        long skipped = dispatch.permit();
        if (skipped >= 0) {
            LOG.warn("MI socket {}: the dispatcher failed on a request from {}; no reply sent{}", socket, source,
                    skipped(skipped), e);
        }
    }

    void noAddress(String socket) {
        long skipped = drop.permit();
        if (skipped >= 0) {
            LOG.warn("MI socket {}: reply dropped, the client did not bind its socket (no address to reply to){}",
                    socket, skipped(skipped));
        }
    }

    void queueFull(String socket, SocketAddress to) {
        long skipped = drop.permit();
        if (skipped >= 0) {
            LOG.warn("MI socket {}: reply to {} dropped, no room to send it (a UNIX client's queue stayed full for "
                    + "socket_timeout, or the UDP socket's send buffer was full while polling){}", socket, to,
                    skipped(skipped));
        }
    }

    void sendFailed(String socket, SocketAddress to, Exception e) {
        long skipped = drop.permit();
        if (skipped >= 0) {
            LOG.warn("MI socket {}: reply to {} dropped: {}{}", socket, to, e.toString(), skipped(skipped));
        }
    }

    private static String skipped(long count) {
        return count == 0 ? "" : " (" + count + " similar lines skipped)";
    }
}
