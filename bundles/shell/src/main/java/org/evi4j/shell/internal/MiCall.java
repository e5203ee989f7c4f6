package org.evi4j.shell.internal;

import java.nio.ByteBuffer;
import java.util.List;

import org.evi4j.api.EventInterface;
import org.evi4j.mi.MiDispatcher;
import org.evi4j.miclient.MiReply;
import org.evi4j.miclient.MiRequests;

/**
 * One in-process MI call: the request built and the reply read by the MI client codec the command-line client
 * uses too (so both print the same), handed to the dispatcher without a socket.
 */
final class MiCall {

    private MiCall() {
    }

    /**
     * Runs a command.
     *
     * @param named whether the args are {@code name=value} pairs (sent as an object) rather than positional
     * @return the result as {@link MiReply} shows it; empty when the dispatcher sends no reply
     * @throws IllegalArgumentException for an MI error reply (its text as the message) or a named arg without
     *                                  {@code =}
     */
    static String call(MiDispatcher dispatcher, String command, List<String> args, boolean named) {
        ByteBuffer reply = dispatch(dispatcher, MiRequests.jsonRpc(command, args, named, 1));
        if (reply == null) {
            return "";
        }
        MiReply decoded = MiReply.jsonRpc(reply.array(), reply.arrayOffset() + reply.position(), reply.remaining());
        if (!decoded.ok()) {
            throw new IllegalArgumentException(decoded.text());
        }
        return decoded.text();
    }

    /** The command names the dispatcher serves now, as {@code which} lists them. */
    static List<String> commands(MiDispatcher dispatcher) {
        ByteBuffer reply = dispatch(dispatcher, MiRequests.jsonRpc("which", List.of(), false, 1));
        return reply == null ? List.of()
                : MiReply.strings(reply.array(), reply.arrayOffset() + reply.position(), reply.remaining());
    }

    private static ByteBuffer dispatch(MiDispatcher dispatcher, byte[] request) {
        ByteBuffer reply = ByteBuffer.allocate(EventInterface.MAX_DATAGRAM);
        return dispatcher.dispatch(ByteBuffer.wrap(request), reply, "\t") ? reply : null;
    }
}
