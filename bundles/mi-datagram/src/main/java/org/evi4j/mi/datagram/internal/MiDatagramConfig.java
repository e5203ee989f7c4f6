package org.evi4j.mi.datagram.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of one MI datagram server (factory PID {@code org.evi4j.mi.datagram}). Property names are
 * OpenSIPS's {@code mi_datagram} module parameters.
 */
@ObjectClassDefinition(id = MiDatagramServer.PID, name = "evi4j MI datagram server",
        description = "One MI socket (UDP or UNIX datagram) answering JSON-RPC 2.0 and legacy text MI requests")
public @interface MiDatagramConfig {

    /**
     * {@code udp:HOST:PORT} (IPv6 in brackets, port 0 = any free port) or an absolute UNIX socket path, with or
     * without {@code unix:}.
     */
    @AttributeDefinition(name = "Socket", description = "udp:HOST:PORT (udp:[::1]:8080) or [unix:]/absolute/path")
    String socket__name();

    /** Reader threads on the socket. */
    @AttributeDefinition(name = "Reader threads", min = "1", max = "1024")
    int children__count() default 1;

    /** Octal permissions of a UNIX socket file; {@code 0} means {@code 0600}, as in OpenSIPS. */
    @AttributeDefinition(name = "UNIX socket mode", description = "octal, e.g. 0660")
    String unix__socket__mode() default "0660";

    /** Owner of a UNIX socket file (name or numeric id); empty keeps the process's. */
    @AttributeDefinition(name = "UNIX socket user", required = false)
    String unix__socket__user() default "";

    /** Group of a UNIX socket file (name or numeric id); empty keeps the process's. */
    @AttributeDefinition(name = "UNIX socket group", required = false)
    String unix__socket__group() default "";

    /**
     * Milliseconds a reply may wait for room in a UNIX client's receive queue before it is dropped (UNIX sockets
     * only; also how often an idle UNIX reader wakes up).
     */
    @AttributeDefinition(name = "Reply send timeout (ms)", min = "1")
    int socket__timeout() default 2000;

    /**
     * The indent per tree level of legacy text replies. Written {@code \t} (backslash, t) for a tab: DS and
     * metatype carry defaults in XML attributes, where a raw tab would turn into a space.
     */
    @AttributeDefinition(name = "Legacy reply indent", required = false,
            description = "Indent per tree level of legacy text replies; \\t is a tab, empty for none")
    String reply__indent() default "\\t";

    /**
     * Microseconds a UDP reader keeps polling the socket after serving a request before it blocks in receive again;
     * 0 blocks at once. A request that comes within the window is taken without waking a sleeping thread (the
     * kernel's wake-up is most of a loopback round trip); the price is a busy core for the window after each
     * request. An idle socket costs nothing. UNIX sockets always block.
     */
    @AttributeDefinition(name = "Busy-poll window (µs)", min = "0", max = "10000",
            description = "UDP only: how long a reader polls for the next request before blocking; 0 = off")
    int busy__poll__us() default 50;

    /**
     * CIDRs whose requests a UDP socket answers; others are ignored and counted. Each value may hold several,
     * comma-separated (a {@code .cfg} line gives one value).
     */
    @AttributeDefinition(name = "Allowed UDP sources", description = "CIDRs, e.g. 127.0.0.0/8, ::1/128")
    String[] allowed__sources() default {"127.0.0.0/8", "::1/128"};

    /**
     * The MI commands this socket serves, as {@code which} names them (each value may hold several,
     * comma-separated); empty serves every command, as an OpenSIPS MI socket does. Others get {@code 403 Forbidden}.
     */
    @AttributeDefinition(name = "Allowed commands", required = false,
            description = "Commands served, e.g. version, which, events_list; empty = every command")
    String[] allowed__commands() default {};

    /**
     * Serve only commands that change nothing: which, help, version, uptime, ps, events_list, subscribers_list,
     * get_statistics, list_statistics (also within {@code allowed_commands}). Others get {@code 403 Forbidden}.
     */
    @AttributeDefinition(name = "Read only", description = "Serve only the commands that change nothing")
    boolean read__only() default false;
}
