package org.evi4j.mi.datagram.internal;

import org.evi4j.support.net.Networks;
import org.evi4j.support.net.SocketName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A checked {@link MiDatagramConfig}.
 *
 * @param socket         where to listen
 * @param children       reader threads
 * @param mode           permission bits of a UNIX socket file
 * @param user           owner of a UNIX socket file, or empty
 * @param group          group of a UNIX socket file, or empty
 * @param timeoutMillis  how long a UNIX reply may wait for room at the client
 * @param indent         legacy reply indent
 * @param sources        who may use a UDP socket
 * @param busyPollMicros how long a UDP reader polls after a request before it blocks; 0 = never polls
 * @param commands       the commands served
 */
record ServerSettings(SocketName socket, int children, int mode, String user, String group, int timeoutMillis,
        String indent, Networks sources, int busyPollMicros,
        CommandPolicy commands) {

    private static final Logger LOG = LoggerFactory.getLogger(ServerSettings.class);
    static final int MAX_CHILDREN = 1024;
    /** A longer window would only burn a core: the wake-up it saves costs some 10 µs. */
    static final int MAX_BUSY_POLL_MICROS = 10_000;
    /** OpenSIPS replaces a mode of 0 by this. */
    static final int ZERO_MODE_REPLACEMENT = 0600;

    /**
     * @throws IllegalArgumentException naming the property that is wrong and why
     */
    static ServerSettings of(MiDatagramConfig config) {
        SocketName socket;
        try {
            socket = SocketName.parse(config.socket__name());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("socket_name: " + e.getMessage(), e);
        }
        int children = config.children__count();
        if (children < 1 || children > MAX_CHILDREN) {
            throw new IllegalArgumentException("children_count must be from 1 to " + MAX_CHILDREN + ", not " + children);
        }
        int timeout = config.socket__timeout();
        if (timeout < 1) {
            throw new IllegalArgumentException("socket_timeout must be at least 1 ms, not " + timeout);
        }
        int busyPoll = config.busy__poll__us();
        if (busyPoll < 0 || busyPoll > MAX_BUSY_POLL_MICROS) {
            throw new IllegalArgumentException("busy_poll_us must be from 0 to " + MAX_BUSY_POLL_MICROS + ", not "
                    + busyPoll);
        }
        return new ServerSettings(socket, children, mode(config.unix__socket__mode()),
                orEmpty(config.unix__socket__user()), orEmpty(config.unix__socket__group()), timeout,
                indent(config.reply__indent()),
                Networks.parse("allowed_sources", config.allowed__sources()), busyPoll,
                CommandPolicy.of(config.allowed__commands(), config.read__only()));
    }

    /** Octal digits, as OpenSIPS's {@code unix_socket_mode}; 0 becomes 0600. */
    static int mode(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            return 0660;
        }
        if (!s.matches("[0-7]{1,4}")) {
            throw new IllegalArgumentException("unix_socket_mode '" + text + "' is not an octal mode such as 0660");
        }
        int mode = Integer.parseInt(s, 8);
        if (mode > 0777) {
            throw new IllegalArgumentException("unix_socket_mode '" + text + "': only permission bits (up to 0777)");
        }
        if (mode == 0) {
            LOG.warn("unix_socket_mode 0 would lock everyone out; using 0600 as OpenSIPS does");
            return ZERO_MODE_REPLACEMENT;
        }
        return mode;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    /** The configured indent with {@code \t} written as backslash-t turned into a tab; a tab when not set. */
    static String indent(String configured) {
        return configured == null ? "\t" : configured.replace("\\t", "\t");
    }
}
