package org.evi4j.support.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** One network in CIDR notation ({@code 10.0.0.0/8}, {@code ::1/128}, or a bare address = one host). Immutable. */
public final class Network {

    private final byte[] address;
    private final int prefix;
    private final String text;

    private Network(byte[] address, int prefix, String text) {
        this.address = address;
        this.prefix = prefix;
        this.text = text;
    }

    /**
     * Parses an IP literal with an optional {@code /PREFIX}. Host names are refused: nothing is looked up.
     *
     * @throws IllegalArgumentException saying why the text is not a CIDR
     */
    public static Network parse(String text) {
        String t = text == null ? "" : text.strip();
        int slash = t.indexOf('/');
        byte[] address = literal(slash < 0 ? t : t.substring(0, slash), t);
        int bits = address.length * 8;
        int prefix = slash < 0 ? bits : prefix(t.substring(slash + 1), bits, t);
        return new Network(address, prefix, t);
    }

    private static byte[] literal(String host, String entry) {
        if (host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            byte[] ipv4 = new byte[4];
            String[] parts = host.split("\\.");
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(parts[i]);
                if (part > 255) {
                    throw notACidr(entry, "not an IP address");
                }
                ipv4[i] = (byte) part;
            }
            return ipv4;
        }
        // with a ':' the JDK parses an IPv6 literal and never looks the text up as a name
        if (host.indexOf(':') >= 0 && host.matches("[0-9A-Fa-f:.]+")) {
            try {
                return InetAddress.getByName(host).getAddress();
            } catch (UnknownHostException e) {
                throw notACidr(entry, "not an IP address");
            }
        }
        throw notACidr(entry, "not an IP address");
    }

    private static int prefix(String digits, int bits, String entry) {
        if (digits.matches("\\d{1,3}")) {
            int prefix = Integer.parseInt(digits);
            if (prefix <= bits) {
                return prefix;
            }
        }
        throw notACidr(entry, "bad prefix length (0-" + bits + ")");
    }

    private static IllegalArgumentException notACidr(String entry, String why) {
        return new IllegalArgumentException("'" + entry + "' is not a CIDR: " + why);
    }

    /** Whether the address lies in this network (an IPv4 address never matches an IPv6 network, nor the reverse). */
    public boolean contains(InetAddress candidate) {
        byte[] a = candidate.getAddress();
        if (a.length != address.length) {
            return false;
        }
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (a[i] != address[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF00 >> rest & 0xFF;
        return (a[whole] & mask) == (address[whole] & mask);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Network && prefix == ((Network) o).prefix && Arrays.equals(address, ((Network) o).address);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(address) * 31 + prefix;
    }

    @Override
    public String toString() {
        return text;
    }
}
