package org.evi4j.cjson;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer for one thread: unlike {@code ByteArrayOutputStream} it takes no lock, and it gives a
 * grown buffer back when it is reset so one huge event does not pin its memory for the life of the thread.
 */
final class ByteSink extends OutputStream {

    private final int initialCapacity;
    private final int retainedCapacity;
    private byte[] buf;
    private int count;

    ByteSink(int initialCapacity, int retainedCapacity) {
        this.initialCapacity = initialCapacity;
        this.retainedCapacity = retainedCapacity;
        this.buf = new byte[initialCapacity];
    }

    @Override
    public void write(int b) {
        ensure(1);
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    /** Empties the sink. */
    void reset() {
        count = 0;
        if (buf.length > retainedCapacity) {
            buf = new byte[initialCapacity];
        }
    }

    /** A new array holding exactly the bytes written since the last reset. */
    byte[] toByteArray() {
        return Arrays.copyOf(buf, count);
    }

    private void ensure(int more) {
        int needed = count + more;
        if (needed < 0) {
            throw new OutOfMemoryError("event larger than 2 GiB");
        }
        if (needed > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(needed, (int) Math.min(Integer.MAX_VALUE - 8L, buf.length * 2L)));
        }
    }
}
