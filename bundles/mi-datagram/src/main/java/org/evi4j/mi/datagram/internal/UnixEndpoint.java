package org.evi4j.mi.datagram.internal;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A UNIX datagram MI socket. Replies leave from the bound socket itself (OpenSIPS uses a separate unbound one), so
 * clients that {@code connect()} to the server path get them too. The socket's send timeout
 * ({@code SO_SNDTIMEO}, which junixsocket sets together with the receive timeout) bounds the wait for room in a
 * full client queue; the kernel wakes the sender as soon as the client reads.
 */
final class UnixEndpoint implements Endpoint {
    private static final Logger LOG = LoggerFactory.getLogger(UnixEndpoint.class);

    private final AFUNIXDatagramChannel channel;
    private final AFUNIXSocketAddress local;
    private final Path path;
    private final Object identity;
    private final String name;

    private UnixEndpoint(AFUNIXDatagramChannel channel, AFUNIXSocketAddress local, Path path, Object identity) {
        this.channel = channel;
        this.local = local;
        this.path = path;
        this.identity = identity;
        this.name = "unix:" + path;
    }

    /** Replaces a stale socket file, binds, applies the access settings. */
    static UnixEndpoint open(Path path, ServerSettings settings) throws IOException {
        UnixSocketFile.clearStale(path);
        AFUNIXSocketAddress address = AFUNIXSocketAddress.of(path);
        AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open();
        Object identity = null;
        try {
            channel.setDeleteOnClose(false);
            channel.bind(address);
            identity = UnixSocketFile.identity(path);
            UnixSocketFile.applyAccess(path, settings.mode(), settings.user(), settings.group());
            // also a receive timeout: an idle reader then wakes once per timeout, which costs nothing
            channel.socket().setSoTimeout(settings.timeoutMillis());
            return new UnixEndpoint(channel, address, path, identity);
        } catch (IOException | RuntimeException e) {
            channel.close();
            if (identity != null) {
                UnixSocketFile.remove(path, identity);
            }
            throw e;
        }
    }

    @Override
    public SocketAddress receive(ByteBuffer request) throws IOException {
        return channel.receive(request);
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
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SocketAddress localAddress() {
        return local;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("MI socket {}: close failed: {}", name, e.toString());
        }
        UnixSocketFile.remove(path, identity);
    }
}
