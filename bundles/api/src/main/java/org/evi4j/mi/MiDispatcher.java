package org.evi4j.mi;

import java.nio.ByteBuffer;

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
     * Handles one request as {@link #dispatch(ByteBuffer, ByteBuffer, String)} does, telling the command who sent it
     * ({@link MiParams#source()}), so that commands can apply per-client limits. MI servers that know the client
     * call this form.
     *
     * @param source the client, as {@link MiParams#source()} describes it; {@code null} when unknown
     * @since 2.1
     */
    default boolean dispatch(ByteBuffer request, ByteBuffer reply, String legacyIndent, String source) {
        return dispatch(request, reply, legacyIndent);
    }
}
