package org.evi4j.transport.unix.internal;

import java.net.SocketException;
import java.nio.charset.StandardCharsets;

import org.evi4j.spi.Destination;
import org.evi4j.support.datagram.ChannelSlot;
import org.evi4j.support.net.SocketName;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * A parsed {@code unix:} destination: an absolute path of at most {@value #MAX_PATH_BYTES} bytes. It carries its own
 * connected channel, opened on first send, so that a dead receiver (which makes junixsocket close the socket) costs
 * only this subscriber its channel. Identity matters (each instance owns a channel): the core compares subscribers
 * by {@link #address()}.
 */
final class UnixDestination implements Destination {

    /** The longest path, shared with the MI sockets and the command line. */
    static final int MAX_PATH_BYTES = SocketName.MAX_UNIX_PATH_BYTES;

    private final String path;
    private final AFUNIXSocketAddress socketAddress;
    private final ChannelSlot<AFUNIXDatagramChannel> slot = new ChannelSlot<>();

    private UnixDestination(String path, AFUNIXSocketAddress socketAddress) {
        this.path = path;
        this.socketAddress = socketAddress;
    }

    /**
     * Validates a path as given after {@code unix:} (or a bare socket string).
     *
     * @throws IllegalArgumentException when it is empty, relative, holds a NUL or is longer than {@value #MAX_PATH_BYTES} bytes
     */
    static UnixDestination parse(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("empty UNIX socket path: expected unix:/absolute/path");
        }
        if (path.charAt(0) != '/') {
            throw new IllegalArgumentException("UNIX socket path '" + path + "' is not absolute: it must start with '/'");
        }
        if (path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("UNIX socket path '" + path + "' contains a NUL character");
        }
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_PATH_BYTES) {
            throw new IllegalArgumentException("UNIX socket path '" + path + "' is " + bytes.length
                    + " bytes long; at most " + MAX_PATH_BYTES + " are allowed");
        }
        try {
            return new UnixDestination(path, AFUNIXSocketAddress.of(bytes));
        } catch (SocketException e) {
            throw new IllegalArgumentException("invalid UNIX socket path '" + path + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String address() {
        return path;
    }

    AFUNIXSocketAddress socketAddress() {
        return socketAddress;
    }

    /** The connected channel, or {@code null} before the first send and after a failure or a release. */
    AFUNIXDatagramChannel channel() {
        return slot.get();
    }

    ChannelSlot<AFUNIXDatagramChannel> slot() {
        return slot;
    }

    @Override
    public String toString() {
        return "unix:" + path;
    }
}
