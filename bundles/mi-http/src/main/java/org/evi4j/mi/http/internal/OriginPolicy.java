package org.evi4j.mi.http.internal;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.evi4j.support.net.Networks;

/**
 * Which browser pages may send state-changing requests: a request without {@code Origin} comes from a program
 * (opensips-cli, curl), not from a page, and passes; with one, the origin must be the server itself as the page
 * reached it ({@code Origin} = scheme + {@code Host}), by an IP address or {@code localhost} (a page that reached
 * the server through a DNS name pointed at 127.0.0.1, DNS rebinding, is refused), or be listed. Browsers send
 * {@code Origin} on every cross-origin request and every POST, so a page elsewhere cannot drive the MI.
 */
final class OriginPolicy {
    private final Set<String> allowed;

    OriginPolicy(String... allowedOrigins) {
        this.allowed = Networks.split(allowedOrigins).stream().map(OriginPolicy::normalize)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @param origin the {@code Origin} header or {@code null}
     * @param scheme {@code http} or {@code https}, as the server saw the request
     * @param host   the {@code Host} header or {@code null}
     */
    boolean allows(String origin, String scheme, String host) {
        if (origin == null) {
            return true;
        }
        String normalized = normalize(origin);
        if (allowed.contains(normalized)) {
            return true;
        }
        if (host == null || !normalized.equals(normalize(scheme + "://" + host))) {
            return false;
        }
        return isAddressOrLocalhost(hostName(host.strip()));
    }

    /** Whether no origin is listed beyond the server's own. */
    boolean onlySelf() {
        return allowed.isEmpty();
    }

    private static String normalize(String origin) {
        String s = origin.strip().toLowerCase(Locale.ROOT);
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String hostName(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static boolean isAddressOrLocalhost(String name) {
        return name.equalsIgnoreCase("localhost") || name.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                || name.matches("\\[[0-9A-Fa-f:.]+\\]");
    }
}
