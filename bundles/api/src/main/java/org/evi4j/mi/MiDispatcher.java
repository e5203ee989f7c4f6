package org.evi4j.mi;

import java.nio.ByteBuffer;
import java.util.function.Predicate;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Answers MI request datagrams: the service MI servers (datagram, or any other) hand requests to. The first byte
 * picks the protocol: {@code :} is the legacy text form, anything else JSON-RPC 2.0.
 */
@ProviderType
public interface MiDispatcher {

    /**
     * Handles one request and writes the reply. Never throws: bad input becomes an error reply.
     *
     * @param request      the request bytes, from position to limit
     * @param reply        where the reply goes; cleared first, flipped for reading on return. Its capacity bounds
     *                     the reply: one that would not fit becomes an error reply saying so
     * @param legacyIndent the indent per tree level in legacy text replies (OpenSIPS's {@code reply_indent})
     * @return whether a reply is to be sent (false for JSON-RPC notifications)
     */
    boolean dispatch(ByteBuffer request, ByteBuffer reply, String legacyIndent);

    /**
     * As {@link #dispatch(ByteBuffer, ByteBuffer, String)}, running only the commands that {@code allowed} accepts:
     * the MI server's own policy (a read-only socket, a list of commands). A known command it refuses is not run and
     * gets the error reply {@value #FORBIDDEN_CODE} {@code Forbidden} (JSON-RPC, with {@code data} naming the
     * command; legacy text {@code 403 Forbidden}); an unknown command gets the usual reply.
     *
     * @param allowed asked once per request for a known command, with its name as {@code which} lists it (a request
     *                that uses an alias is judged by that name)
     * @return whether a reply is to be sent
     * @throws UnsupportedOperationException from a dispatcher that cannot restrict commands: a server that must
     *                                       restrict never falls back to serving everything
     * @since 2.1
     */
    default boolean dispatch(ByteBuffer request, ByteBuffer reply, String legacyIndent, Predicate<String> allowed) {
        return dispatch(request, reply, legacyIndent, allowed, null);
    }

    /**
     * As {@link #dispatch(ByteBuffer, ByteBuffer, String)}, telling the command who sent the request ({@link
     * MiParams#source()}), so that commands can apply per-client limits; a dispatcher that cannot tell them
     * answers as {@link #dispatch(ByteBuffer, ByteBuffer, String)} does.
     *
     * @param source the client, as {@link MiParams#source()} describes it; {@code null} when unknown
     * @since 2.1
     */
    default boolean dispatch(ByteBuffer request, ByteBuffer reply, String legacyIndent, String source) {
        return dispatch(request, reply, legacyIndent);
    }

    /**
     * As {@link #dispatch(ByteBuffer, ByteBuffer, String, Predicate)}, telling the command who sent the request
     * ({@link MiParams#source()}), so that commands can apply per-client limits. MI servers that know the client
     * call this form.
     *
     * @param source the client, as {@link MiParams#source()} describes it; {@code null} when unknown
     * @throws UnsupportedOperationException from a dispatcher that cannot restrict commands
     * @since 2.1
     */
    default boolean dispatch(ByteBuffer request, ByteBuffer reply, String legacyIndent, Predicate<String> allowed,
            String source) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot restrict MI commands");
    }

    /** The code of the error reply to a command the MI server does not allow; as OpenSIPS codes, HTTP-like. */
    int FORBIDDEN_CODE = 403;
}
