package org.evi4j.mi.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes straight into the reply buffer, up to a byte limit; going past it throws {@link ReplyTooLargeException}
 * so that the caller can replace the reply with an error saying so.
 */
final class ReplyOutput extends OutputStream {

    private final ByteBuffer buffer;
    private final int limit;

    ReplyOutput(ByteBuffer buffer, int limit) {
        this.buffer = buffer;
        this.limit = Math.min(limit, buffer.capacity());
        buffer.clear();
    }

    /** Drops what was written so far. */
    void reset() {
        buffer.clear();
    }

    /** The most bytes the reply may take. */
    int limit() {
        return limit;
    }

    @Override
    public void write(int b) throws IOException {
        if (buffer.position() >= limit) {
            throw new ReplyTooLargeException();
        }
        buffer.put((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len > limit - buffer.position()) {
            throw new ReplyTooLargeException();
        }
        buffer.put(b, off, len);
    }

    /** Writes text as UTF-8; ASCII without an intermediate array. */
    void text(String s) throws IOException {
        int n = s.length();
        if (n > limit - buffer.position()) {
            throw new ReplyTooLargeException();
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                byte[] bytes = s.substring(i).getBytes(StandardCharsets.UTF_8);
                write(bytes, 0, bytes.length);
                return;
            }
            buffer.put((byte) c);
        }
    }

    /** Leaves the buffer ready for reading. */
    void finish() {
        buffer.flip();
    }

    /** The reply would not fit the datagram. */
    static final class ReplyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        ReplyTooLargeException() {
            super("reply too large", null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
