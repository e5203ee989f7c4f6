package org.evi4j.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What slf4j-simple writes while it is open: it writes to whatever {@code System.err} is at each log call, so a
 * copying stream is put in its place until {@link #close}.
 */
public final class CapturedLog implements AutoCloseable {

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private CapturedLog() {
        System.setErr(new PrintStream(new Copy(bytes, original), true, StandardCharsets.UTF_8));
    }

    /** Starts capturing; close it to stop. */
    public static CapturedLog start() {
        return new CapturedLog();
    }

    /** Everything logged since the start. */
    public String text() {
        System.err.flush();
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        System.err.flush();
        System.setErr(original);
    }

    /** Writes to the capture and to the original stream. */
    private static final class Copy extends OutputStream {
        private final ByteArrayOutputStream capture;
        private final OutputStream original;

        Copy(ByteArrayOutputStream capture, OutputStream original) {
            this.capture = capture;
            this.original = original;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            synchronized (capture) {
                capture.write(b, off, len);
            }
            original.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            original.flush();
        }
    }
}
