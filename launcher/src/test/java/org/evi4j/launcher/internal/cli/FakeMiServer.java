package org.evi4j.launcher.internal.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.evi4j.support.net.SocketName;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** An in-test MI server: records each request and answers what the replier says (null: no answer). */
final class FakeMiServer implements AutoCloseable {

    final List<String> requests = new CopyOnWriteArrayList<>();
    private final DatagramChannel channel;
    private final SocketName socket;
    private final Function<String, String> replier;
    private final Thread thread;

    private FakeMiServer(DatagramChannel channel, SocketName socket, Function<String, String> replier) {
        this.channel = channel;
        this.socket = socket;
        this.replier = replier;
        this.thread = new Thread(this::serve, "fake-mi");
        thread.setDaemon(true);
        thread.start();
    }

    static FakeMiServer udp(Function<String, String> replier) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress("127.0.0.1", 0));
        int port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        return new FakeMiServer(channel, SocketName.parse("udp:127.0.0.1:" + port), replier);
    }

    static FakeMiServer unix(Path path, Function<String, String> replier) throws IOException {
        AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open();
        channel.bind(AFUNIXSocketAddress.of(path));
        return new FakeMiServer(channel, SocketName.unix(path), replier);
    }

    /** Answers every JSON-RPC request with {@code "OK"}. */
    static String ok(String request) {
        return "{\"jsonrpc\":\"2.0\",\"result\":\"OK\",\"id\":" + request.replaceAll(".*\"id\":(\\d+).*", "$1") + "}";
    }

    SocketName socket() {
        return socket;
    }

    private void serve() {
        ByteBuffer buffer = ByteBuffer.allocate(65536);
        try {
            while (channel.isOpen()) {
                buffer.clear();
                SocketAddress from = channel.receive(buffer);
                buffer.flip();
                String request = StandardCharsets.UTF_8.decode(buffer).toString();
                requests.add(request);
                String reply = replier.apply(request);
                if (reply != null && from != null) {
                    channel.send(ByteBuffer.wrap(reply.getBytes(StandardCharsets.UTF_8)), from);
                }
            }
        } catch (ClosedChannelException e) {
            // closed by the test
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        channel.close();
        thread.join(5000);
        if (socket.isUnix()) {
            Files.deleteIfExists(socket.path());
        }
    }
}
