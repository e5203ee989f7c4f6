package org.evi4j.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.evi4j.api.EventInterface;
import org.evi4j.testkit.Vectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs one MI vector file ({@code mi-jsonrpc.json}, {@code mi-legacy.json}) against one MI socket, case by case,
 * as its {@code about} says: placeholders {@code {udp}}/{@code {unix}} are the listeners' socket strings; the
 * reply must be exact, match {@code reply_regex} whole, or be absent; each listener must get exactly the
 * {@code deliveries} named for it. Failures are collected, one line each, so one run reports every broken case.
 */
final class MiSequence {

    private static final Logger LOG = LoggerFactory.getLogger(MiSequence.class);

    private static final int REPLY_MILLIS = 5_000;
    private static final int NO_REPLY_MILLIS = 300;
    private static final int STRAY_MILLIS = 5;
    private static final int MAX_MISSING_REPLIES = 3;

    private final String file;
    private final JsonNode vectors;
    private final Map<String, String> notRun;

    /**
     * @param notRun case ids left out of this run, each with the reason (printed); every other case runs
     */
    MiSequence(String file, Map<String, String> notRun) {
        this.file = file;
        this.vectors = Vectors.load(file);
        this.notRun = notRun;
    }

    /** Publishes the file's events in order; returns a failure line per id that is not its index. */
    List<String> publish(EventInterface evi) {
        List<String> failures = new ArrayList<>();
        int expectedId = 0;
        for (JsonNode name : vectors.get("publish")) {
            int id = evi.publish(name.asText());
            if (id != expectedId) {
                failures.add("publish " + name.asText() + ": id " + id + ", expected " + expectedId);
            }
            expectedId++;
        }
        return failures;
    }

    /** Runs every case through {@code client} to {@code miSocket}; {@code listeners} by placeholder name. */
    List<String> run(DatagramPeer client, String miSocket, Map<String, DatagramPeer> listeners) throws IOException {
        long start = System.nanoTime();
        LOG.info("running {} over {}", file, miSocket);
        List<String> failures = new ArrayList<>();
        int missing = 0;
        for (JsonNode c : vectors.get("cases")) {
            String where = file + " over " + miSocket + " case " + c.get("id").asText() + ": ";
            if (notRun.containsKey(c.get("id").asText())) {
                LOG.warn("{}not run: {}", where, notRun.get(c.get("id").asText()));
                continue;
            }
            boolean silent = c.has("reply") && c.get("reply").isNull();
            byte[] reply = client.exchange(miSocket, Texts.utf8(substitute(c.get("request").asText(), listeners,
                    false)), silent ? NO_REPLY_MILLIS : REPLY_MILLIS);
            boolean replied = checkReply(c, reply, listeners, where, failures);
            missing = replied ? 0 : missing + 1;
            if (missing >= MAX_MISSING_REPLIES) {
                failures.add(where + "giving up after " + missing + " missing replies in a row");
                return failures;
            }
            checkDeliveries(c.get("deliveries"), listeners, where, failures);
        }
        for (Map.Entry<String, DatagramPeer> listener : listeners.entrySet()) {
            expectNothing(listener.getValue(), NO_REPLY_MILLIS, file + " at the end: stray datagram on "
                    + listener.getKey(), failures);
        }
        expectNothing(client, NO_REPLY_MILLIS, file + " at the end: stray reply", failures);
        LOG.info("ran {} over {} in {} ms: {} failures", file, miSocket, (System.nanoTime() - start) / 1_000_000,
                failures.size());
        return failures;
    }

    /** Checks the reply; returns false only when a reply was expected and none came. */
    private static boolean checkReply(JsonNode c, byte[] reply, Map<String, DatagramPeer> listeners, String where,
            List<String> failures) {
        if (c.has("reply") && c.get("reply").isNull()) {
            if (reply != null) {
                failures.add(where + "a reply where none is due: " + Texts.show(reply));
            }
            return true;
        }
        if (reply == null) {
            failures.add(where + "no reply within " + REPLY_MILLIS + " ms");
            return false;
        }
        if (c.has("reply")) {
            byte[] expected = Texts.utf8(substitute(c.get("reply").asText(), listeners, false));
            if (!Arrays.equals(reply, expected)) {
                failures.add(where + "expected " + Texts.show(expected) + " got " + Texts.show(reply));
            }
        } else {
            String regex = substitute(c.get("reply_regex").asText(), listeners, true);
            if (!Pattern.compile(regex).matcher(new String(reply, StandardCharsets.UTF_8)).matches()) {
                failures.add(where + "expected a match of " + Texts.show(Texts.utf8(regex)) + " got "
                        + Texts.show(reply));
            }
        }
        return true;
    }

    private static void checkDeliveries(JsonNode deliveries, Map<String, DatagramPeer> listeners, String where,
            List<String> failures) throws IOException {
        for (Map.Entry<String, DatagramPeer> listener : listeners.entrySet()) {
            JsonNode expected = deliveries == null ? null : deliveries.get(listener.getKey());
            if (expected != null) {
                for (JsonNode datagram : expected) {
                    byte[] want = Texts.utf8(datagram.asText());
                    byte[] got = listener.getValue().receive(REPLY_MILLIS);
                    if (!Arrays.equals(want, got)) {
                        failures.add(where + "delivery to " + listener.getKey() + ": expected " + Texts.show(want)
                                + " got " + Texts.show(got));
                    }
                }
            }
            // events go out before the reply does, so anything else is already queued by now
            expectNothing(listener.getValue(), STRAY_MILLIS, where + "unexpected delivery to " + listener.getKey(),
                    failures);
        }
    }

    private static void expectNothing(DatagramPeer peer, int millis, String what, List<String> failures)
            throws IOException {
        byte[] stray = peer.receive(millis);
        if (stray != null) {
            failures.add(what + ": " + Texts.show(stray));
        }
    }

    /** Replaces {@code {udp}}, {@code {unix}} with the listeners' socket strings (regex-quoted in a regex). */
    static String substitute(String text, Map<String, DatagramPeer> listeners, boolean regex) {
        String result = text;
        for (Map.Entry<String, DatagramPeer> listener : listeners.entrySet()) {
            String value = listener.getValue().socketString();
            result = result.replace("{" + listener.getKey() + "}", regex ? Pattern.quote(value) : value);
        }
        return result;
    }
}
