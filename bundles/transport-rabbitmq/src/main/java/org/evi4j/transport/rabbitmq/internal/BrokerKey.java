package org.evi4j.transport.rabbitmq.internal;

import java.net.InetAddress;

/**
 * One broker login: the destinations that share it share one connection. The host is kept as written (in brackets
 * for IPv6) for names and logs; the connection goes to the address it resolved to when parsed, the one checked
 * against {@code allowed_destinations}.
 *
 * @param host the host as written, {@code [v6]} in brackets
 * @param ip   what the host resolved to
 */
record BrokerKey(String user, String password, String host, InetAddress ip, int port) {

    /** {@code user@host:port}: how logs, thread names and statistics name the connection, without the password. */
    String shown() {
        return user + '@' + host + ':' + port;
    }

    /** Never the password: records print every component by default. */
    @Override
    public String toString() {
        return shown();
    }
}
