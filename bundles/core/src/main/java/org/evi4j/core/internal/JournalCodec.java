package org.evi4j.core.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

import org.evi4j.core.internal.JournalRecord.Put;
import org.evi4j.core.internal.JournalRecord.Remove;
import org.evi4j.core.internal.SubscriptionStore.Stored;

/**
 * The journal's bytes: an 8-byte magic, then records, each {@code length (4) crc32c (4) payload (length)}, big
 * endian. The checksum covers the length and the payload, so that a record cut short or half written by a crash
 * is told apart from a whole one. A payload is a type byte ({@code 1} put, {@code 2} remove) and its fields:
 * strings as a length (4) and UTF-8 bytes ({@code -1} for none), times as 8 bytes, expire as 4.
 */
final class JournalCodec {

    static final byte[] MAGIC = "EVI4JJ1\n".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER = 8;
    /** A record is at most this long: a socket fits an MI request (64 KiB), a record holds it twice. */
    static final int MAX_PAYLOAD = 256 * 1024;
    private static final byte PUT = 1;
    private static final byte REMOVE = 2;

    private JournalCodec() {
    }

    /** The framed bytes of one record: length, checksum, payload. */
    static byte[] frame(JournalRecord record) {
        byte[] payload = payload(record);
        ByteBuffer out = ByteBuffer.allocate(HEADER + payload.length);
        out.putInt(payload.length).putInt(crc(payload.length, payload, 0, payload.length)).put(payload);
        return out.array();
    }

    /**
     * Reads the record framed at {@code at}.
     *
     * @return the record and the offset after it, or {@code null} when no whole, intact record starts there
     */
    static Decoded read(byte[] bytes, int at, int end) {
        if (end - at < HEADER) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, at, end - at);
        int length = in.getInt();
        int crc = in.getInt();
        if (length < 1 || length > MAX_PAYLOAD || length > end - at - HEADER
                || crc != crc(length, bytes, at + HEADER, length)) {
            return null;
        }
        try {
            return new Decoded(record(ByteBuffer.wrap(bytes, at + HEADER, length)), at + HEADER + length);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The first bytes after a whole record that claims to start at {@code at}: where a partial record would end. */
    static long claimedEnd(byte[] bytes, int at, int end) {
        if (end - at < 4) {
            return Long.MAX_VALUE;
        }
        return (long) at + HEADER + ByteBuffer.wrap(bytes, at, 4).getInt();
    }

    private static int crc(int length, byte[] payload, int offset, int count) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(4).putInt(length).array());
        crc.update(payload, offset, count);
        return (int) crc.getValue();
    }

    private static byte[] payload(JournalRecord record) {
        Fields f = new Fields();
        if (record instanceof Put put) {
            Stored s = put.stored();
            f.type(PUT).text(s.event()).text(s.scheme()).text(s.address()).text(s.shown()).text(s.encoder())
                    .number(s.subscribedAt()).number(s.expire());
        } else {
            Remove r = (Remove) record;
            f.type(REMOVE).text(r.event()).text(r.scheme()).text(r.shown());
        }
        return f.bytes();
    }

    private static JournalRecord record(ByteBuffer in) {
        byte type = in.get();
        JournalRecord record;
        if (type == PUT) {
            record = new Put(new Stored(required(in), required(in), required(in), required(in), text(in),
                    in.getLong(), in.getInt()));
        } else if (type == REMOVE) {
            record = new Remove(required(in), required(in), required(in));
        } else {
            throw new IllegalArgumentException("record type " + type);
        }
        if (in.hasRemaining()) {
            throw new IllegalArgumentException("bytes after the record");
        }
        return record;
    }

    private static String required(ByteBuffer in) {
        String s = text(in);
        if (s == null) {
            throw new IllegalArgumentException("missing field");
        }
        return s;
    }

    private static String text(ByteBuffer in) {
        int length = in.getInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("bad field length " + length);
        }
        byte[] b = new byte[length];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A record read back and the offset after it. */
    record Decoded(JournalRecord record, int next) {
    }

    /** Writes a payload's fields. */
    private static final class Fields {
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(128);

        Fields type(byte type) {
            out.write(type);
            return this;
        }

        Fields text(String s) {
            if (s == null) {
                return number(-1);
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            number(b.length);
            out.writeBytes(b);
            return this;
        }

        Fields number(int n) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(n).array());
            return this;
        }

        Fields number(long n) {
            out.writeBytes(ByteBuffer.allocate(8).putLong(n).array());
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
