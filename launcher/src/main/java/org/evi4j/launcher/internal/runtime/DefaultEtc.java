package org.evi4j.launcher.internal.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/**
 * The configuration folder written on first run: an MI socket on UDP, one on a UNIX path, and the core with a
 * demo event published.
 */
final class DefaultEtc {

    static final String UNIX_SOCKET_NAME = "evi4j_mi.sock";

    private DefaultEtc() {
    }

    /**
     * Writes the default files when {@code etc} is missing or empty; leaves any other folder alone.
     *
     * @param workDir where the UNIX MI socket goes (if its path fits the 107-byte limit; else /tmp)
     * @return whether the defaults were written
     */
    static boolean writeIfEmpty(Path etc, Path workDir) throws IOException {
        if (Files.isDirectory(etc)) {
            try (Stream<Path> files = Files.list(etc)) {
                if (files.findAny().isPresent()) {
                    return false;
                }
            }
        }
        Files.createDirectories(etc);
        write(etc.resolve("org.evi4j.core.cfg"), core());
        write(etc.resolve("org.evi4j.mi.datagram-udp.cfg"), miDatagram("udp:127.0.0.1:8080",
                "The MI over UDP (OpenSIPS mi_datagram), on loopback: try `mi version`."));
        write(etc.resolve("org.evi4j.mi.datagram-unix.cfg"), miDatagram("unix:" + unixSocketPath(workDir),
                "The MI over a UNIX datagram socket; the file is created at start and removed at stop."));
        write(etc.resolve(HttpService.PID + ".cfg"), httpService());
        write(etc.resolve("org.evi4j.http.cfg"), httpGuard());
        return true;
    }

    /** The default UNIX MI socket: in the working folder, or in /tmp when that path would be too long. */
    static Path unixSocketPath(Path workDir) {
        Path inWorkDir = workDir.toAbsolutePath().normalize().resolve(UNIX_SOCKET_NAME);
        boolean fits = inWorkDir.toString().getBytes(StandardCharsets.UTF_8).length <= 107;
        return fits ? inWorkDir : Paths.get("/tmp", UNIX_SOCKET_NAME);
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String core() {
        return """
                # evi4j core: the Event Interface (PID org.evi4j.core). Edits take effect while running.
                #
                # published_events: comma-separated event names published at start, so that they can be
                #   subscribed to (event_subscribe) and raised (raise_event) over the MI.
                published_events = E_DEMO
                #
                # default_encoder: how events are written to subscribers without ";encoder=NAME" in their socket:
                #   jsonrpc (JSON-RPC 2.0 notification, OpenSIPS 3.1+) or legacy (name::value text, OpenSIPS 1.7-3.0).
                # default_encoder = jsonrpc
                # default_expire: subscription lifetime in seconds when event_subscribe gives none.
                # default_expire = 3600
                # max_expire: the longest expire accepted, in seconds (0 = no limit).
                # max_expire = 86400
                # allowed_destinations: CIDRs a UDP subscriber may point at.
                # allowed_destinations = 127.0.0.0/8, ::1/128
                # allowed_unix_folders: folders UNIX subscribers' sockets may be in (real paths; default: the
                #   data folder's "sockets", owner-only). For OpenSIPS-style listeners under /tmp:
                # allowed_unix_folders = /tmp
                # max_subscribers_per_destination: subscriptions (all events) one destination may have.
                # max_subscribers_per_destination = 64
                # persist: keep subscriptions across restarts (stored under the data folder).
                # persist = true
                """;
    }

    private static String httpService() {
        return """
                # The HTTP service (Felix's Jetty, PID org.apache.felix.http): the MI over HTTP at /mi (OpenSIPS
                # mi_http; opensips-cli -o communication_type=http -o url=http://127.0.0.1:8888/mi), Prometheus
                # metrics at /metrics. Read at start (a change of port or address needs a restart); without this
                # file, there is no HTTP service.
                #
                # org.osgi.service.http.port: the TCP port (OpenSIPS httpd's default, 8888).
                org.osgi.service.http.port = 8888
                # org.apache.felix.http.host: the address to listen on; 0.0.0.0 for every IPv4 interface (then
                # also set allowed_sources in org.evi4j.http.cfg).
                org.apache.felix.http.host = 127.0.0.1
                """;
    }

    private static String httpGuard() {
        return """
                # Who may use the HTTP service (PID org.evi4j.http); every path sits behind it. Edits take effect
                # while running. See docs/http.md.
                #
                # allowed_sources: CIDRs whose requests are served; others get 403.
                # allowed_sources = 127.0.0.0/8, ::1/128
                # basic_auth_user / basic_auth_password: HTTP basic authentication for one user; the password as a
                # salted hash (pbkdf2-sha256$ITERATIONS$SALT$HASH, made by the command in docs/http.md), never in clear.
                # basic_auth_user = ops
                # basic_auth_password = pbkdf2-sha256$210000$...$...
                # allowed_origins: web pages (origins) besides the server's own that may POST to the MI.
                # allowed_origins =
                """;
    }

    private static String miDatagram(String socketName, String what) {
        return """
                # %s
                # One MI datagram server per org.evi4j.mi.datagram-<name>.cfg file (factory PID
                # org.evi4j.mi.datagram); add, edit or delete such files while running.
                #
                # socket_name: udp:HOST:PORT, udp:[IPv6]:PORT, or unix:/absolute/path (at most 107 bytes).
                socket_name = %s
                #
                # children_count: reader threads on the socket.
                # children_count = 1
                # busy_poll_us: UDP only; after a request, poll this long for the next before sleeping
                # (faster round trips under steady traffic for some CPU while it flows; 0 = off).
                # busy_poll_us = 50
                # socket_timeout: how long a reply may wait for a full UNIX client queue, in ms.
                # socket_timeout = 2000
                # reply_indent: indent per level in legacy text replies.
                # reply_indent = \\t
                # unix_socket_mode / unix_socket_user / unix_socket_group: the UNIX socket file's permissions.
                # unix_socket_mode = 0660
                # allowed_sources: CIDRs that may use a UDP MI socket.
                # allowed_sources = 127.0.0.0/8, ::1/128
                """.formatted(what, socketName);
    }
}
