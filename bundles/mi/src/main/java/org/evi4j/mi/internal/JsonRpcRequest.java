package org.evi4j.mi.internal;

import java.util.List;
import java.util.Map;

import org.evi4j.mi.MiValue;

/** One JSON-RPC request as read from a datagram; mutable while {@link JsonRpcReader} fills it. */
final class JsonRpcRequest {

    /** What the {@code id} member held. */
    enum IdKind {
        /** No {@code id} member: a notification. */
        ABSENT,
        /** {@code null}, or an id of a type JSON-RPC forbids (then the request is invalid). */
        NULL,
        NUMBER,
        STRING
    }

    IdKind idKind = IdKind.ABSENT;
    int idNumber;
    String idString;
    boolean invalid;
    String method;
    /** Positional parameters, or {@code null}. */
    List<MiValue> positional;
    /** Named parameters, or {@code null}. */
    List<Map.Entry<String, MiValue>> named;

    boolean notification() {
        return idKind == IdKind.ABSENT;
    }

    /** A request whose reply carries {@code "id":null}. */
    static JsonRpcRequest invalidWithNullId() {
        JsonRpcRequest r = new JsonRpcRequest();
        r.invalid = true;
        r.idKind = IdKind.NULL;
        return r;
    }
}
