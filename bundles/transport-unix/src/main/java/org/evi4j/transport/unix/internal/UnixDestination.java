package org.evi4j.transport.unix.internal;

import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import org.evi4j.spi.Destination;
import org.evi4j.support.AllowedFolders;
import org.evi4j.support.LogText;
import org.evi4j.support.datagram.ChannelSlot;
import org.evi4j.support.net.SocketName;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * A parsed {@code unix:} destination: an absolute path of at most {@value #MAX_PATH_BYTES} bytes. It carries its own
 * connected channel, opened on first send, so that a dead receiver (which makes junixsocket close the socket) costs
 * only this subscriber its channel. Instances matter (each owns a channel). Its {@link #identity()} and
 * {@link #path()} are the real location (the folder's links resolved), so that {@code //x}, {@code /./x} and a
 * linked folder are one subscriber and the core checks where datagrams really go; they are sent to that real
 * location, so a link swapped into the folder chain later changes nothing.
 */
final class UnixDestination implements Destination {

    /** The longest path, shared with the MI sockets and the command line. */
    static final int MAX_PATH_BYTES = SocketName.MAX_UNIX_PATH_BYTES;

    private final String path;
    private final Path real;
    private final AFUNIXSocketAddress socketAddress;
    private final ChannelSlot<AFUNIXDatagramChannel> slot = new ChannelSlot<>();

    private UnixDestination(String path, Path real, AFUNIXSocketAddress socketAddress) {
        this.path = path;
        this.real = real;
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
            throw new IllegalArgumentException("UNIX socket path '" + LogText.escape(path)
                    + "' is not absolute: it must start with '/'");
        }
        if (path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("UNIX socket path '" + LogText.escape(path)
                    + "' contains a NUL character");
        }
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_PATH_BYTES) {
            throw new IllegalArgumentException("UNIX socket path '" + LogText.escape(path) + "' is " + bytes.length
                    + " bytes long; at most " + MAX_PATH_BYTES + " are allowed");
        }
        Path real = realLocation(path);
        byte[] realBytes = real.toString().getBytes(StandardCharsets.UTF_8);
        try {
            return new UnixDestination(path, real,
                    AFUNIXSocketAddress.of(realBytes.length <= MAX_PATH_BYTES ? realBytes : bytes));
        } catch (SocketException | RuntimeException e) {
            throw new IllegalArgumentException("invalid UNIX socket path '" + LogText.escape(path) + "': "
                    + e.getMessage(), e);
        }
    }

    /** The real location when the folder exists (links resolved), else the path as written, for the core to refuse. */
    private static Path realLocation(String path) {
        try {
            return AllowedFolders.realPath(Path.of(path));
        } catch (IllegalArgumentException e) {
            return Path.of(path);
        }
    }

    @Override
    public String address() {
        return path;
    }

    @Override
    public String identity() {
        return real.toString();
    }

    @Override
    public Optional<Path> path() {
        return Optional.of(real);
    }

    /** Where datagrams go: the real location. */
    Path realPath() {
        return real;
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
