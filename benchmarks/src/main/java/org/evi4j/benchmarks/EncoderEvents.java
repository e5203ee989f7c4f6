package org.evi4j.benchmarks;

import org.evi4j.api.Event;

/** Typical events for the encoder benchmarks. */
final class EncoderEvents {

    private EncoderEvents() {
    }

    /** About 100 bytes as JSON-RPC: a call event with a few short parameters. */
    static Event small() {
        return Event.builder("E_CALL_SETUP")
                .param("callid", "a84b4c76e66710@pc33")
                .param("ip", "10.0.0.7")
                .param("port", 5060)
                .build();
    }

    /**
     * About 4 KB as JSON-RPC: sixty-four parameters, mostly SIP-like strings, a few with quotes, line feeds and
     * non-ASCII characters so the escaping paths run too, and some ints.
     */
    static Event large() {
        Event.Builder b = Event.builder("E_DIALOG_STATE_CHANGED");
        for (int i = 0; i < 64; i++) {
            String name = "param_" + i;
            switch (i % 5) {
                case 0 -> b.param(name, 1_000_000 + i * 7919);
                case 1 -> b.param(name, "sip:user" + i + "@proxy" + i + ".example.com:5060;transport=udp;lr");
                case 2 -> b.param(name, "\"Caller " + i + "\" <sip:caller" + i + "@example.org>;tag=9fxced76sl");
                case 3 -> b.param(name, "José Müller ☃ " + i + "\nVia: SIP/2.0/UDP 10.0.0." + i + ":5060;branch=z9hG4bK");
                default -> b.param(name, "a84b4c76e66710@pc33.atlanta.example.com-" + i + "-0123456789abcdef");
            }
        }
        return b.build();
    }

    static Event of(String size) {
        return switch (size) {
            case "small" -> small();
            case "large" -> large();
            default -> throw new IllegalArgumentException("unknown size " + size);
        };
    }
}
