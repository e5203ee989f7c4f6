package org.evi4j.launcher.internal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import org.evi4j.miclient.MiReply;

/** A listener's subscriptions, made, refreshed and ended through the MI ({@code event_subscribe}). */
final class MiSubscriptions {

    private final SocketSpec mi;
    private final String socket;
    private final List<String> events;
    private final int expire;
    private final int timeoutMillis;
    private final PrintWriter err;
    private final List<String> active = new ArrayList<>();

    /**
     * @param socket the listener's socket string, as the subscriptions name it
     */
    MiSubscriptions(SocketSpec mi, String socket, List<String> events, int expire, int timeoutMillis,
            PrintWriter err) {
        this.mi = mi;
        this.socket = socket;
        this.events = List.copyOf(events);
        this.expire = expire;
        this.timeoutMillis = timeoutMillis;
        this.err = err;
    }

    /** When to refresh, in ms: two thirds of the expire, so that one lost refresh does not end it. */
    long refreshPeriodMillis() {
        return Math.max(1000L, expire * 2000L / 3);
    }

    /**
     * Subscribes (or refreshes) every event.
     *
     * @return whether all succeeded; the failures are printed
     */
    synchronized boolean subscribe() {
        boolean all = true;
        try (MiClient client = MiClient.open(mi, false)) {
            for (String event : events) {
                if (!call(client, event, expire)) {
                    all = false;
                } else if (!active.contains(event)) {
                    active.add(event);
                }
            }
        } catch (IOException e) {
            err.println("cannot reach the MI at " + mi + ": " + e.getMessage());
            all = false;
        }
        err.flush();
        return all;
    }

    /** Ends every subscription made (expire 0); failures are printed. Safe to call more than once. */
    synchronized void unsubscribe() {
        if (active.isEmpty()) {
            return;
        }
        try (MiClient client = MiClient.open(mi, false)) {
            for (String event : active) {
                if (call(client, event, 0)) {
                    err.println("unsubscribed " + event);
                }
            }
        } catch (IOException e) {
            err.println("cannot reach the MI at " + mi + " to unsubscribe: " + e.getMessage());
        }
        active.clear();
        err.flush();
    }

    private boolean call(MiClient client, String event, int seconds) {
        try {
            MiReply reply = client.call("event_subscribe", List.of(event, socket, Integer.toString(seconds)), true,
                    timeoutMillis);
            if (!reply.ok()) {
                err.println("event_subscribe " + event + " " + socket + " " + seconds + ": " + reply.text());
            }
            return reply.ok();
        } catch (MiClient.MiUnavailableException e) {
            err.println("event_subscribe " + event + ": " + e.getMessage());
            return false;
        }
    }
}
