package org.evi4j.mi.datagram.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** The {@code allowed_sources} of a UDP socket: a list of IPv4 and IPv6 CIDRs. Immutable, thread-safe. */
final class SourceFilter {
    private final List<byte[]> networks;
    private final int[] prefixes;
    private final String text;

    private SourceFilter(List<byte[]> networks, int[] prefixes, String text) {
        this.networks = networks;
        this.prefixes = prefixes;
        this.text = text;
    }

    /**
     * Parses comma-separated {@code ADDRESS[/PREFIX]} entries; an address without a prefix is one host.
     *
     * @throws IllegalArgumentException naming the entry that is not a literal address or CIDR
     */
    static SourceFilter parse(String csv) {
        List<byte[]> networks = new ArrayList<>();
        List<Integer> prefixes = new ArrayList<>();
        for (String entry : csv == null ? new String[0] : csv.split(",")) {
            String cidr = entry.strip();
            if (cidr.isEmpty()) {
                continue;
            }
            int slash = cidr.indexOf('/');
            byte[] address = literal(slash < 0 ? cidr : cidr.substring(0, slash), cidr);
            int bits = address.length * 8;
            int prefix = slash < 0 ? bits : prefix(cidr.substring(slash + 1), bits, cidr);
            networks.add(address);
            prefixes.add(prefix);
        }
        return new SourceFilter(List.copyOf(networks), prefixes.stream().mapToInt(Integer::intValue).toArray(),
                csv == null ? "" : csv.strip());
    }

    boolean isEmpty() {
        return networks.isEmpty();
    }

    /** Whether the address lies in one of the networks (IPv4 entries match IPv4 addresses only). */
    boolean allows(InetAddress source) {
        byte[] address = source.getAddress();
        for (int i = 0; i < prefixes.length; i++) {
            byte[] network = networks.get(i);
            if (network.length == address.length && matches(network, address, prefixes[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(byte[] network, byte[] address, int prefix) {
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (network[i] != address[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF00 >> rest & 0xFF;
        return (network[whole] & mask) == (address[whole] & mask);
    }

    private static byte[] literal(String address, String entry) {
        if (address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            String[] parts = address.split("\\.");
            byte[] ipv4 = new byte[4];
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(parts[i]);
                if (part > 255) {
                    throw notAnAddress(entry);
                }
                ipv4[i] = (byte) part;
            }
            return ipv4;
        }
        // with a ':' the JDK parses an IPv6 literal and never looks the text up as a name
        if (address.indexOf(':') >= 0 && address.matches("[0-9A-Fa-f:.]+")) {
            try {
                return InetAddress.getByName(address).getAddress();
            } catch (UnknownHostException e) {
                throw notAnAddress(entry);
            }
        }
        throw notAnAddress(entry);
    }

    private static IllegalArgumentException notAnAddress(String entry) {
        return new IllegalArgumentException("allowed_sources: '" + entry + "' is not an IP address or CIDR");
    }

    private static int prefix(String text, int bits, String entry) {
        if (text.matches("\\d{1,3}")) {
            int prefix = Integer.parseInt(text);
            if (prefix <= bits) {
                return prefix;
            }
        }
        throw new IllegalArgumentException("allowed_sources: '" + entry + "' has a bad prefix length (0-" + bits + ")");
    }

    @Override
    public String toString() {
        return text;
    }
}
