package org.evi4j.testkit;

import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;

/**
 * Sends a 0-byte datagram on a connected junixsocket socket or channel, as a client in C, Python or socat can:
 * junixsocket's public send calls skip an empty buffer, its native send does not. Reached by reflection, so the
 * testkit needs no junixsocket at compile time.
 */
public final class EmptyDatagrams {

    private EmptyDatagrams() {
    }

    /**
     * @param connected the socket's descriptor ({@code getFileDescriptor()}); it must be connected to the receiver
     * @param junixsocket the class loader of junixsocket ({@code AFUNIXDatagramChannel.class.getClassLoader()})
     */
    public static void send(FileDescriptor connected, ClassLoader junixsocket) throws IOException {
        try {
            Class<?> nativeSocket = Class.forName("org.newsclub.net.unix.NativeUnixSocket", false, junixsocket);
            Class<?> ancillary = Class.forName("org.newsclub.net.unix.AncillaryDataSupport", false, junixsocket);
            Method send = nativeSocket.getDeclaredMethod("send", FileDescriptor.class, ByteBuffer.class, int.class,
                    int.class, ByteBuffer.class, int.class, int.class, ancillary);
            send.setAccessible(true);
            send.invoke(null, connected, ByteBuffer.allocateDirect(1), 0, 0, null, 0, 0, null);
        } catch (InvocationTargetException e) {
            throw new IOException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IOException("junixsocket's native send not found", e);
        }
    }
}
