package org.evi4j.mi.datagram.internal;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.evi4j.support.unix.UnixSocketFile;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * A UNIX datagram MI socket. Replies leave from the bound socket itself (OpenSIPS uses a separate unbound one), so
 * clients that {@code connect()} to the server path get them too. The socket's send timeout
 * ({@code SO_SNDTIMEO}, which junixsocket sets together with the receive timeout) bounds the wait for room in a
 * full client queue; the kernel wakes the sender as soon as the client reads.
 */
final class UnixEndpoint extends ChannelEndpoint {
    private final Path path;
    private final Object identity;
    /** Per reader thread: it owns a direct buffer. */
    private final ThreadLocal<SenderAwareReceive> receivers =
            ThreadLocal.withInitial(() -> SenderAwareReceive.find(Reader.MAX_DATAGRAM + 1));

    private UnixEndpoint(AFUNIXDatagramChannel channel, AFUNIXSocketAddress local, Path path, Object identity) {
        super(channel, local, "unix:" + path);
        this.path = path;
        this.identity = identity;
    }

    /**
     * Replaces a stale socket file and binds with the access settings applied before the socket is reachable: bound
     * in a private folder, then renamed into place ({@link UnixSocketFile#bindPrivately}).
     */
    static UnixEndpoint open(Path path, ServerSettings settings) throws IOException {
        AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open();
        Object identity = null;
        try {
            channel.setDeleteOnClose(false);
            identity = UnixSocketFile.bindPrivately(path, at -> channel.bind(AFUNIXSocketAddress.of(at)),
                    settings.mode(), settings.user(), settings.group());
            // also a receive timeout: an idle reader then wakes once per timeout, which costs nothing
            channel.socket().setSoTimeout(settings.timeoutMillis());
            return new UnixEndpoint(channel, AFUNIXSocketAddress.of(path), path, identity);
        } catch (IOException | RuntimeException e) {
            channel.close();
            if (identity != null) {
                UnixSocketFile.remove(path, identity);
            }
            throw e;
        }
    }

    /** Also tells the sender of an empty datagram, which junixsocket's own receive drops. */
    @Override
    public SocketAddress receive(ByteBuffer request) throws IOException {
        SenderAwareReceive receiver = receivers.get();
        return receiver == null ? super.receive(request) : receiver.receive((AFUNIXDatagramChannel) channel, request);
    }

    @Override
    public boolean reply(ByteBuffer reply, SocketAddress to) throws IOException {
        int length = reply.remaining();
        // 0 bytes sent = EAGAIN after SO_SNDTIMEO: the client's queue stayed full
        return channel.send(reply, to) == length;
    }

    @Override
    public boolean allows(SocketAddress source) {
        return true;
    }

    @Override
    void closed() {
        UnixSocketFile.remove(path, identity);
    }
}
