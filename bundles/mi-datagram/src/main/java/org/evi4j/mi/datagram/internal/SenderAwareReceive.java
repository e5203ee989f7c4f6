package org.evi4j.mi.datagram.internal;

import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives on a UNIX datagram channel through junixsocket's own native {@code receive}, which hands back the
 * sender's {@code sockaddr_un} next to the length. junixsocket 2.11's public receive calls report a 0-byte datagram
 * as "nothing received" and drop its sender, though Linux reports it; OpenSIPS answers an empty request with a parse
 * error, and so must an evi4j MI socket, over UNIX as over UDP. Only the thread that receives uses an instance.
 * <p>
 * The native method is package-private in junixsocket: {@link #find} looks it up once and says when it is not there
 * (another junixsocket version), and the caller then receives the ordinary way.
 */
final class SenderAwareReceive {
    private static final Logger LOG = LoggerFactory.getLogger(SenderAwareReceive.class);
    /** {@code sizeof(struct sockaddr_un)} on Linux is 110; room to spare. */
    private static final int ADDRESS_BYTES = 256;
    private static final int PATH_OFFSET = 2;
    private static final int MAX_PATH = 108;

    /** {@code (FileDescriptor, ByteBuffer data, int offset, int length, ByteBuffer sender) -> int}. */
    private final MethodHandle receive;
    private final ByteBuffer data;
    private final ByteBuffer sender = ByteBuffer.allocateDirect(ADDRESS_BYTES).order(ByteOrder.nativeOrder());
    private final byte[] path = new byte[MAX_PATH];
    private byte[] lastPath = new byte[0];
    private AFUNIXSocketAddress lastSender;

    private SenderAwareReceive(MethodHandle receive, int capacity) {
        this.receive = receive;
        this.data = ByteBuffer.allocateDirect(capacity);
    }

    /**
     * A receiver for datagrams of up to {@code capacity} bytes, or {@code null} when this junixsocket has no native
     * receive of the expected shape.
     */
    static SenderAwareReceive find(int capacity) {
        MethodHandle handle = NATIVE_RECEIVE;
        return handle == null ? null : new SenderAwareReceive(handle, capacity);
    }

    /** Looked up once per bundle class loader: the reflective lookup is what costs. */
    private static final MethodHandle NATIVE_RECEIVE = lookUp();

    private static MethodHandle lookUp() {
        try {
            ClassLoader loader = AFUNIXDatagramChannel.class.getClassLoader();
            Class<?> nativeSocket = Class.forName("org.newsclub.net.unix.NativeUnixSocket", false, loader);
            Class<?> ancillary = Class.forName("org.newsclub.net.unix.AncillaryDataSupport", false, loader);
            Method method = nativeSocket.getDeclaredMethod("receive", FileDescriptor.class, ByteBuffer.class,
                    int.class, int.class, ByteBuffer.class, int.class, ancillary, int.class);
            method.setAccessible(true);
            MethodHandle handle = MethodHandles.lookup().unreflect(method);
            // options 0 (blocking, no peek), no ancillary data, no poll timeout of its own (SO_RCVTIMEO applies)
            handle = MethodHandles.insertArguments(handle, 5, 0, null, 0);
            return handle.asType(MethodType.methodType(int.class, FileDescriptor.class, ByteBuffer.class, int.class,
                    int.class, ByteBuffer.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.info("junixsocket's native receive not found ({}): empty datagrams on UNIX MI sockets get no reply",
                    e.toString());
            return null;
        }
    }

    /**
     * Waits for one datagram (at most the socket's receive timeout) and appends it to {@code request}, cut to the
     * room there.
     *
     * @return the sender, also of an empty datagram; {@code null} when the wait timed out or the sender is unbound
     */
    SocketAddress receive(AFUNIXDatagramChannel channel, ByteBuffer request) throws IOException {
        sender.putShort(0, (short) 0);
        int length = Math.min(request.remaining(), data.capacity());
        int count = invoke(channel.getFileDescriptor(), length);
        if (count > 0) {
            request.put(data.limit(count).position(0));
            data.clear();
        }
        // no family: nothing came (the receive timed out); junixsocket answers -1 for an empty datagram too
        return sender.getShort(0) == 0 ? null : sender();
    }

    private int invoke(FileDescriptor fd, int length) throws IOException {
        try {
            return (int) receive.invokeExact(fd, data, 0, length, sender);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException(e);
        }
    }

    /** The sender's path as an address; the same object as last time for the same path. */
    private AFUNIXSocketAddress sender() throws IOException {
        int n = 0;
        while (n < MAX_PATH && sender.get(PATH_OFFSET + n) != 0) {
            path[n] = sender.get(PATH_OFFSET + n);
            n++;
        }
        if (n == 0) {
            return null; // unbound, or an abstract address: nowhere to reply to
        }
        if (lastSender == null || !Arrays.equals(path, 0, n, lastPath, 0, lastPath.length)) {
            lastPath = Arrays.copyOf(path, n);
            lastSender = AFUNIXSocketAddress.of(lastPath);
        }
        return lastSender;
    }
}
