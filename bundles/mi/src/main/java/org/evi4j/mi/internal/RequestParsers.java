package org.evi4j.mi.internal;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;

/**
 * Jackson parsers for MI requests. Jackson reads a datagram's bytes directly only while it keeps a table of member
 * names; without one it decodes the bytes into a {@code String} and reads its chars, which costs about as much
 * again. A table shared by all requests grows with every novel name a client sends and is copied for each
 * (fuzzing found 40 % of the CPU there), so each thread keeps a small table of its own and starts a new one once
 * it has learned {@link #MAX_NAMES} names. Only plain ASCII requests (no NUL) take the byte way: bad UTF-8 then
 * still reads leniently (as U+FFFD) as it always did, and the byte order and encoding guesses never apply.
 * Thread-safe.
 */
final class RequestParsers {
    /** Names one thread's table may learn before it is replaced (a few requests' worth; the usual ones stay). */
    static final int MAX_NAMES = 64;

    private final JsonFactory chars;
    private final NameTableFactory template;
    private final ThreadLocal<NameTableFactory> bytes;

    /** @param factory the parser settings; its own name table setting is ignored */
    RequestParsers(JsonFactory factory) {
        this.chars = factory.rebuild().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build();
        this.template = new NameTableFactory(factory.rebuild().enable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
                .disable(JsonFactory.Feature.INTERN_FIELD_NAMES).build());
        this.bytes = ThreadLocal.withInitial(() -> new NameTableFactory(template));
    }

    /** A parser of the request; close it when done (which also files the names it learned). */
    JsonParser create(byte[] request, int offset, int length) throws IOException {
        if (!plainAscii(request, offset, length)) {
            return chars.createParser(request, offset, length);
        }
        NameTableFactory factory = bytes.get();
        if (factory.names() > MAX_NAMES) {
            factory = new NameTableFactory(template);
            bytes.set(factory);
        }
        return factory.createParser(request, offset, length);
    }

    /** The names the calling thread's table holds now. */
    int namesKnown() {
        return bytes.get().names();
    }

    /** Forgets the calling thread's table. */
    void close() {
        bytes.remove();
    }

    static boolean plainAscii(byte[] bytes, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            // bytes are signed: every non-ASCII byte is negative
            if (bytes[i] <= 0) {
                return false;
            }
        }
        return true;
    }

    /** A factory that tells how many member names its table holds. */
    private static final class NameTableFactory extends JsonFactory {
        private static final long serialVersionUID = 1L;

        NameTableFactory(JsonFactory settings) {
            super(settings, null);
        }

        int names() {
            return _byteSymbolCanonicalizer.size();
        }
    }
}
