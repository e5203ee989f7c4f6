package org.evi4j.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A client thread that sends {@code version} requests, one at a time, to whatever MI socket {@code target} names
 * at that moment, a bounded number of times, counting answers, silences and anything unexpected.
 */
final class MiHammer implements AutoCloseable {

    private final Supplier<String> target;
    private final int replyMillis;
    private final int requests;
    private final UdpPeer client;
    private final Thread thread;
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private volatile boolean running = true;
    private volatile String unexpected;

    private MiHammer(Supplier<String> target, int requests, int replyMillis, String name) throws IOException {
        this.target = target;
        this.requests = requests;
        this.replyMillis = replyMillis;
        this.client = new UdpPeer();
        this.thread = new Thread(this::run, "itest-hammer-" + name);
        this.thread.setDaemon(true);
    }

    /** Starts sending; each request waits up to {@code replyMillis} for its reply. */
    static MiHammer start(Supplier<String> target, int requests, int replyMillis, String name) throws IOException {
        MiHammer hammer = new MiHammer(target, requests, replyMillis, name);
        hammer.thread.start();
        return hammer;
    }

    private void run() {
        for (int i = 0; i < requests && running; i++) {
            try {
                byte[] reply = client.exchange(target.get(), MiServer.VERSION_REQUEST, replyMillis);
                if (reply == null) {
                    unanswered.incrementAndGet();
                } else if (new String(reply, StandardCharsets.UTF_8).matches(MiServer.VERSION_REPLY)) {
                    answered.incrementAndGet();
                } else {
                    unexpected = new String(reply, StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                unexpected = e.toString();
            }
        }
    }

    long answered() {
        return answered.get();
    }

    long unanswered() {
        return unanswered.get();
    }

    /** A reply that was not the version, or a client failure; {@code null} when none. */
    String unexpected() {
        return unexpected;
    }

    /** Whether it has sent all its requests. */
    boolean done() {
        return !thread.isAlive();
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(Await.TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
        if (thread.isAlive()) {
            throw new AssertionError(thread.getName() + " did not stop");
        }
    }
}
