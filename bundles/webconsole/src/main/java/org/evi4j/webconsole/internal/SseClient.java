package org.evi4j.webconsole.internal;

import java.io.IOException;

import javax.servlet.AsyncContext;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;

/**
 * One browser's live tail: an async response written without blocking by the flushing thread. A browser that does
 * not read (the connection's buffers full) is skipped, and dropped once it stayed so for too long.
 */
final class SseClient implements WriteListener {

    private final AsyncContext async;
    private final ServletOutputStream out;
    private volatile boolean closed;
    private long cursor;
    private boolean greeted;
    private long blockedSince = -1;

    SseClient(AsyncContext async, ServletOutputStream out, long cursor) {
        this.async = async;
        this.out = out;
        this.cursor = cursor;
    }

    long cursor() {
        return cursor;
    }

    void advance(long next) {
        cursor = next;
    }

    /** Whether the first message (the chart's history) is still to be sent. */
    boolean greeted() {
        return greeted;
    }

    void markGreeted() {
        greeted = true;
    }

    /** Whether a write would not block now; tracks how long it has not been so. */
    boolean ready(long millis) {
        if (closed) {
            return false;
        }
        boolean ready = out.isReady();
        if (ready) {
            blockedSince = -1;
        } else if (blockedSince < 0) {
            blockedSince = millis;
        }
        return ready;
    }

    /** Whether the browser has not read for longer than {@code patienceMillis}, or the connection is gone. */
    boolean lost(long millis, long patienceMillis) {
        return closed || (blockedSince >= 0 && millis - blockedSince > patienceMillis);
    }

    /** Writes and flushes; call only when {@link #ready} said so. */
    void send(byte[] message) {
        try {
            out.write(message);
            if (out.isReady()) {
                out.flush();
            }
        } catch (IOException | IllegalStateException e) {
            closed = true;
        }
    }

    /** Ends the response; harmless when it ended already. */
    void close() {
        closed = true;
        try {
            async.complete();
        } catch (IllegalStateException e) {
            // completed or timed out by the container already
        }
    }

    boolean closed() {
        return closed;
    }

    @Override
    public void onWritePossible() {
        // the flushing thread polls isReady(); nothing to do when the container says it may write
    }

    @Override
    public void onError(Throwable t) {
        closed = true;
    }
}
