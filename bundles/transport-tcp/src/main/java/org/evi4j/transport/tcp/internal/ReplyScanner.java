package org.evi4j.transport.tcp.internal;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;

/**
 * Reads the JSON-RPC replies of one connection in reliable mode, as OpenSIPS's {@code handle_reply_jsonrpc} does:
 * a stream of concatenated JSON values, split anywhere by TCP, each a reply whose top-level {@code id} names the
 * request and whose {@code error} member, if any, makes it a failure. Incremental (Jackson's non-blocking parser):
 * nothing is buffered but the value being read.
 */
final class ReplyScanner {

    /** What the scanner found. */
    interface Replies {

        /** A complete reply to request {@code id}; {@code error} when it has an {@code error} member. */
        void reply(int id, boolean error);
    }

    /** A reply OpenSIPS closes the connection for: no id, an id that is not an integer, not JSON. */
    static final class BadReply extends Exception {

        private static final long serialVersionUID = 1L;

        BadReply(String message) {
            super(message, null, false, false);
        }
    }

    private final JsonParser parser;
    private final ByteArrayFeeder feeder;
    private int depth;
    private boolean idNext;
    private boolean hasId;
    private boolean badId;
    private int id;
    private boolean error;

    ReplyScanner(JsonFactory factory) {
        try {
            parser = factory.createNonBlockingByteArrayParser();
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a JSON parser", e);
        }
        feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
    }

    /**
     * Reads {@code length} more bytes; the array may be reused once this returns.
     *
     * @throws BadReply when the connection must be closed; the scanner is then of no further use
     */
    void feed(byte[] bytes, int length, Replies replies) throws BadReply {
        try {
            feeder.feedInput(bytes, 0, length);
            for (JsonToken t = parser.nextToken(); t != JsonToken.NOT_AVAILABLE && t != null;
                    t = parser.nextToken()) {
                token(t, replies);
            }
        } catch (BadReply e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new BadReply("cannot parse reply: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadReply("cannot parse reply: " + e.getMessage());
        }
    }

    private void token(JsonToken t, Replies replies) throws IOException, BadReply {
        if (depth == 0) {
            if (t != JsonToken.START_OBJECT) {
                // a value that is not an object has no id
                throw new BadReply("reply does not have an ID!");
            }
            hasId = badId = error = idNext = false;
        }
        if (idNext) {
            idNext = false;
            hasId = true;
            badId = t != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT;
            id = badId ? 0 : parser.getIntValue();
        }
        if (t.isStructStart()) {
            depth++;
        } else if (t.isStructEnd() && --depth == 0) {
            complete(replies);
        } else if (t == JsonToken.FIELD_NAME && depth == 1) {
            String name = parser.currentName();
            idNext = "id".equals(name);
            error |= "error".equals(name);
        }
    }

    private void complete(Replies replies) throws BadReply {
        if (!hasId) {
            throw new BadReply("reply does not have an ID!");
        }
        if (badId) {
            throw new BadReply("json does not have an integer id!");
        }
        replies.reply(id, error);
    }
}
