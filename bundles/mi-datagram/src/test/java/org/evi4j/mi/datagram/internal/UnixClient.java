package org.evi4j.mi.datagram.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;

import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** A UNIX datagram MI client for the tests; bound to its own path (or not, to play an unbound client). */
final class UnixClient implements MiClient {
    private final AFUNIXDatagramChannel channel;
    private final AFUNIXSocketAddress server;
    private final ByteBuffer buffer = ByteBuffer.allocate(70_000);
    private int timeout = -1;

    UnixClient(Path server, Path own) throws IOException {
        this.server = AFUNIXSocketAddress.of(server);
        this.channel = AFUNIXDatagramChannel.open();
        if (own != null) {
            channel.bind(AFUNIXSocketAddress.of(own));
        }
    }

    @Override
    public void send(byte[] request) throws IOException {
        if (channel.send(ByteBuffer.wrap(request), server) != request.length) {
            throw new IOException("request not sent: the server's queue stayed full");
        }
    }

    @Override
    public synchronized byte[] receive(int timeoutMillis) throws IOException {
        if (timeoutMillis != timeout) {
            channel.socket().setSoTimeout(timeoutMillis);
            timeout = timeoutMillis;
        }
        buffer.clear();
        channel.receive(buffer);
        if (buffer.position() == 0) {
            return null;
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
