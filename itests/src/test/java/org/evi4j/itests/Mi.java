package org.evi4j.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** One MI request and its reply, as an OpenSIPS MI datagram client does it. */
final class Mi {

    private static final int REPLY_TIMEOUT_MILLIS = 5000;

    private Mi() {
    }

    /** Sends the request from {@code client} to the MI socket and returns the reply's text. */
    static String call(DatagramPeer client, String miSocket, String request) throws IOException {
        client.sendTo(miSocket, request.getBytes(StandardCharsets.UTF_8));
        byte[] reply = client.receive(REPLY_TIMEOUT_MILLIS);
        if (reply == null) {
            throw new AssertionError("no reply from " + miSocket + " to " + request);
        }
        return new String(reply, StandardCharsets.UTF_8);
    }
}
