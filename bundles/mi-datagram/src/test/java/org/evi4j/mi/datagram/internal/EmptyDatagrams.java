package org.evi4j.mi.datagram.internal;

import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;

import org.newsclub.net.unix.AFUNIXDatagramChannel;

/**
 * Sends a 0-byte datagram on a connected junixsocket channel. junixsocket's public send calls skip an empty buffer;
 * its native send does not, so a test reaches it as a client such as {@code socat} or Python would.
 */
final class EmptyDatagrams {

    private EmptyDatagrams() {
    }

    static void send(AFUNIXDatagramChannel connected) throws IOException {
        try {
            ClassLoader loader = AFUNIXDatagramChannel.class.getClassLoader();
            Class<?> nativeSocket = Class.forName("org.newsclub.net.unix.NativeUnixSocket", false, loader);
            Class<?> ancillary = Class.forName("org.newsclub.net.unix.AncillaryDataSupport", false, loader);
            Method send = nativeSocket.getDeclaredMethod("send", FileDescriptor.class, ByteBuffer.class, int.class,
                    int.class, ByteBuffer.class, int.class, int.class, ancillary);
            send.setAccessible(true);
            send.invoke(null, connected.getFileDescriptor(), ByteBuffer.allocateDirect(1), 0, 0, null, 0, 0, null);
        } catch (InvocationTargetException e) {
            throw new IOException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IOException("junixsocket's native send not found", e);
        }
    }
}
