package org.evi4j.support.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An allowlist of networks, as the {@code allowed_*} properties give it: a {@code String[]} in the typed
 * configuration whose elements may each hold several comma-separated CIDRs (a Karaf {@code .cfg} line
 * {@code allowed_sources = 127.0.0.0/8, ::1/128} reaches the component as one element). Immutable, thread-safe.
 */
public final class Networks {

    private final List<Network> networks;

    private Networks(List<Network> networks) {
        this.networks = List.copyOf(networks);
    }

    /**
     * Parses every entry; one that is not a CIDR fails the whole list.
     *
     * @param property the property the values come from, named in the error
     * @throws IllegalArgumentException naming the property and the entry
     */
    public static Networks parse(String property, String... values) {
        List<Network> parsed = new ArrayList<>();
        for (String entry : split(values)) {
            try {
                parsed.add(Network.parse(entry));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(property + ": " + e.getMessage(), e);
            }
        }
        return new Networks(parsed);
    }

    /** Parses every entry, handing the error of each that is not a CIDR to {@code skipped} and leaving it out. */
    public static Networks parseSkipping(Consumer<IllegalArgumentException> skipped, String... values) {
        List<Network> parsed = new ArrayList<>();
        for (String entry : split(values)) {
            try {
                parsed.add(Network.parse(entry));
            } catch (IllegalArgumentException e) {
                skipped.accept(e);
            }
        }
        return new Networks(parsed);
    }

    /** The loopback networks of both families, the default of every allowlist. */
    public static Networks loopback() {
        return new Networks(List.of(Network.parse("127.0.0.0/8"), Network.parse("::1/128")));
    }

    /**
     * Splits every element on commas and strips the parts.
     *
     * @return the non-empty parts, in order
     */
    public static List<String> split(String... values) {
        List<String> out = new ArrayList<>();
        if (values == null) {
            return out;
        }
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (String part : value.split(",")) {
                String stripped = part.strip();
                if (!stripped.isEmpty()) {
                    out.add(stripped);
                }
            }
        }
        return out;
    }

    /** Whether the address lies in one of the networks. */
    public boolean allows(InetAddress address) {
        for (Network network : networks) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return networks.isEmpty();
    }

    public List<Network> networks() {
        return networks;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Networks && networks.equals(((Networks) o).networks);
    }

    @Override
    public int hashCode() {
        return networks.hashCode();
    }

    /** The entries, comma-separated. */
    @Override
    public String toString() {
        return String.join(", ", networks.stream().map(Network::toString).toList());
    }
}
