package org.evi4j.transport.tcp.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.evi4j.spi.DeliveryReport;

/**
 * Parses the part of a {@code tcp:} socket string after the scheme as OpenSIPS's {@code stream_parse} does:
 * {@code HOST:PORT[/[METHOD]]}, the host up to the first {@code :}, the port up to the first {@code /} (at most five
 * digits, taken modulo 65536, not 0), the method everything after that slash (empty = none). The host is resolved
 * here, to an IPv4 address (OpenSIPS connects over IPv4 only). Error messages are OpenSIPS's log texts.
 */
final class TcpAddressParser {

    private static final int MAX_PORT_DIGITS = 5;

    private TcpAddressParser() {
    }

    static TcpDestination parse(String text, DeliveryReport report) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("no socket specified");
        }
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("port not specified <" + text + ">");
        }
        String host = text.substring(0, colon);
        String rest = text.substring(colon + 1);
        if (rest.isEmpty() || rest.charAt(0) == '\0') {
            throw new IllegalArgumentException("invalid port number");
        }
        int slash = rest.indexOf('/');
        String digits = slash < 0 ? rest : rest.substring(0, slash);
        int port = port(digits);
        String method = slash < 0 || slash == rest.length() - 1 ? null : rest.substring(slash + 1);
        return new TcpDestination(host, port, method, resolve(host), report);
    }

    /** OpenSIPS's {@code str2s}: digits only, at most five, arithmetic on an unsigned short; 0 is refused. */
    private static int port(String digits) {
        int port = 0;
        boolean valid = digits.length() <= MAX_PORT_DIGITS;
        for (int i = 0; valid && i < digits.length(); i++) {
            char c = digits.charAt(i);
            valid = c >= '0' && c <= '9';
            port = (port * 10 + c - '0') & 0xFFFF;
        }
        if (!valid || port == 0) {
            throw new IllegalArgumentException("malformed port: " + digits);
        }
        return port;
    }

    private static InetAddress resolve(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            // never a host name, and must not reach the resolver
            if (c <= ' ' || c == '/' || c == 0x7f) {
                throw new IllegalArgumentException("cannot resolve host " + host);
            }
        }
        try {
            for (InetAddress ip : InetAddress.getAllByName(host)) {
                if (ip instanceof Inet4Address) {
                    return ip;
                }
            }
        } catch (UnknownHostException | SecurityException e) {
            // answered below, as OpenSIPS does
        }
        throw new IllegalArgumentException("cannot resolve host " + host);
    }
}
