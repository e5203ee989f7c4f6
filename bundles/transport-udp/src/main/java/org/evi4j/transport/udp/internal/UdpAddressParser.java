package org.evi4j.transport.udp.internal;

import java.net.InetAddress;

import org.evi4j.support.HostResolver;

/**
 * Parses the part of a {@code udp:} socket string after the scheme: {@code HOST:PORT} with HOST an IPv4 literal or a
 * host name, or {@code [IPv6]:PORT}. The address text is kept as written (only the port is normalised), so that
 * listings show what the subscriber wrote; the destination's identity (resolved IP and port) tells subscribers
 * apart. Names are resolved by the transport's {@link HostResolver}, within its timeout.
 */
final class UdpAddressParser {

    private static final int MAX_PORT = 65535;

    private UdpAddressParser() {
    }

    static UdpDestination parse(String text, HostResolver resolver) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty UDP address: expected HOST:PORT or [IPv6]:PORT");
        }
        return text.charAt(0) == '[' ? parseBracketed(text, resolver) : parsePlain(text, resolver);
    }

    private static UdpDestination parseBracketed(String text, HostResolver resolver) {
        int close = text.indexOf(']');
        if (close < 0) {
            throw new IllegalArgumentException("missing ']' in UDP address '" + text + "'");
        }
        String host = text.substring(1, close);
        if (host.isEmpty() || host.indexOf(':') < 0) {
            throw new IllegalArgumentException("not an IPv6 literal in brackets: '" + text + "'");
        }
        if (close + 1 >= text.length() || text.charAt(close + 1) != ':') {
            throw new IllegalArgumentException("no port in UDP address '" + text + "': expected [IPv6]:PORT");
        }
        int port = port(text, text.substring(close + 2));
        // in brackets the JDK accepts only an IPv6 literal and never asks DNS
        InetAddress ip = resolve(text, '[' + host + ']', resolver);
        return new UdpDestination('[' + host + "]:" + port, ip, port);
    }

    private static UdpDestination parsePlain(String text, HostResolver resolver) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("no port in UDP address '" + text + "': expected HOST:PORT");
        }
        if (text.indexOf(':', colon + 1) >= 0) {
            throw new IllegalArgumentException(
                    "IPv6 address without brackets in '" + text + "': write it as [ADDRESS]:PORT, e.g. [::1]:8081");
        }
        if (colon == 0) {
            throw new IllegalArgumentException("no host in UDP address '" + text + "': expected HOST:PORT");
        }
        String host = text.substring(0, colon);
        int port = port(text, text.substring(colon + 1));
        return new UdpDestination(host + ':' + port, resolve(text, host, resolver), port);
    }

    private static int port(String text, String digits) {
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("empty port in UDP address '" + text + "'");
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                throw new IllegalArgumentException("port '" + digits + "' in UDP address '" + text
                        + "' is not a number");
            }
        }
        int port = digits.length() > 5 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        if (port < 1 || port > MAX_PORT) {
            throw new IllegalArgumentException("port " + digits + " in UDP address '" + text
                    + "' is out of range 1-" + MAX_PORT);
        }
        return port;
    }

    private static InetAddress resolve(String text, String host, HostResolver resolver) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c <= ' ' || c == '/' || c == 0x7f) {
                throw new IllegalArgumentException("invalid host '" + host + "' in UDP address '" + text + "'");
            }
        }
        try {
            return resolver.resolve(host);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " (UDP address '" + text + "')", e);
        }
    }
}
