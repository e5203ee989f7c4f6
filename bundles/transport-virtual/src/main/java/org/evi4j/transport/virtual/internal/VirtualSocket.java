package org.evi4j.transport.virtual.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of a virtual socket after {@code virtual:}, taken apart as OpenSIPS's {@code virtual_parse} does: blanks
 * (SP, HTAB) before the policy are skipped; the policy is case-sensitive and, as in OpenSIPS, only its own letters
 * are compared, so {@code PARALLELudp:127.0.0.1:9717} is PARALLEL with the member {@code udp:127.0.0.1:9717}; the
 * rest is split at runs of blanks into members. Error messages are OpenSIPS's.
 *
 * @param policy        how events are spread over the members
 * @param members       the member sockets as written, possibly none
 * @param endsWithBlank whether the text ended with a blank (OpenSIPS then lists a trailing space)
 */
record VirtualSocket(Policy policy, List<String> members, boolean endsWithBlank) {

    VirtualSocket {
        members = List.copyOf(members);
    }

    /** @throws IllegalArgumentException {@code no socket specified} or {@code invalid virtual socket type} */
    static VirtualSocket parse(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("no socket specified");
        }
        int start = skipBlanks(text, 0);
        Policy policy = null;
        for (Policy p : Policy.values()) {
            if (text.startsWith(p.text, start)) {
                policy = p;
                break;
            }
        }
        if (policy == null) {
            throw new IllegalArgumentException("invalid virtual socket type");
        }
        List<String> members = new ArrayList<>();
        int i = start + policy.text.length();
        while ((i = skipBlanks(text, i)) < text.length()) {
            int end = i;
            while (end < text.length() && !isBlank(text.charAt(end))) {
                end++;
            }
            members.add(text.substring(i, end));
            i = end;
        }
        return new VirtualSocket(policy, members, isBlank(text.charAt(text.length() - 1)));
    }

    private static int skipBlanks(String text, int from) {
        int i = from;
        while (i < text.length() && isBlank(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
