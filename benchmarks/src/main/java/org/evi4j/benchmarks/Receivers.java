package org.evi4j.benchmarks;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * Real datagram receivers for the benchmarks: bound sockets drained as fast as possible in the background (one
 * thread for all UDP receivers, one per UNIX receiver), counting what arrives, so that full kernel queues (which
 * drop silently and would flatter the sender) are seen. An optional {@link Sink} sees every datagram.
 */
final class Receivers implements AutoCloseable {

    /** Receive buffer asked for each UDP receiver (the kernel caps it at net.core.rmem_max). */
    static final int RECEIVE_BUFFER = 4 << 20;
    private static final int POLL_MILLIS = 100;

    /** Sees each datagram as it arrives, on a receiver thread. */
    interface Sink {
        void datagram(byte[] data, int offset, int length, long arrivedNanos);
    }

    private final List<String> sockets = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final AtomicLong received = new AtomicLong();
    private final Sink sink;
    private Path dir;
    private volatile boolean running = true;

    private Receivers(Sink sink) {
        this.sink = sink;
    }

    /** {@code n} UDP receivers on 127.0.0.1, drained by one thread. */
    static Receivers udp(int n, Sink sink) throws IOException {
        Receivers r = new Receivers(sink);
        Selector selector = Selector.open();
        r.closeables.add(selector);
        for (int i = 0; i < n; i++) {
            DatagramChannel c = DatagramChannel.open();
            r.closeables.add(c);
            c.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
            c.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            c.configureBlocking(false);
            c.register(selector, SelectionKey.OP_READ);
            r.sockets.add("udp:127.0.0.1:" + ((InetSocketAddress) c.getLocalAddress()).getPort());
        }
        r.start(new Thread(() -> r.drainUdp(selector), "bench-udp-receivers"));
        return r;
    }

    /** {@code n} UNIX datagram receivers in a fresh folder under /tmp, a thread each. */
    static Receivers unix(int n, Sink sink) throws IOException {
        Receivers r = new Receivers(sink);
        r.dir = Files.createTempDirectory(Path.of("/tmp"), "evb");
        for (int i = 0; i < n; i++) {
            AFUNIXDatagramSocket s = AFUNIXDatagramSocket.newInstance();
            r.closeables.add(s);
            Path file = r.dir.resolve("r" + i + ".sock");
            s.bind(AFUNIXSocketAddress.of(file));
            s.setSoTimeout(POLL_MILLIS);
            r.sockets.add("unix:" + file);
            r.start(new Thread(() -> r.drainUnix(s), "bench-unix-receiver-" + i));
        }
        return r;
    }

    private void start(Thread t) {
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    /** The receivers' socket strings ({@code udp:127.0.0.1:PORT} or {@code unix:/path}). */
    List<String> sockets() {
        return sockets;
    }

    long received() {
        return received.get();
    }

    /** Waits, at most two seconds, until nothing more arrives for 100 ms; returns the count then. */
    long settle() {
        long last = -1;
        for (int i = 0; i < 20 && received.get() != last; i++) {
            last = received.get();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
        }
        return received.get();
    }

    private void drainUdp(Selector selector) {
        ByteBuffer buffer = ByteBuffer.allocate(65536);
        try {
            while (running) {
                if (selector.select(POLL_MILLIS) == 0) {
                    continue;
                }
                for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext();) {
                    DatagramChannel c = (DatagramChannel) it.next().channel();
                    it.remove();
                    while (true) {
                        buffer.clear();
                        if (c.receive(buffer) == null) {
                            break;
                        }
                        arrived(buffer.array(), buffer.position());
                    }
                }
            }
        } catch (IOException e) {
            if (running) {
                throw new IllegalStateException("UDP receivers failed", e);
            }
        }
    }

    private void drainUnix(AFUNIXDatagramSocket socket) {
        byte[] buffer = new byte[65536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (running) {
            try {
                packet.setLength(buffer.length);
                socket.receive(packet);
                arrived(buffer, packet.getLength());
            } catch (SocketTimeoutException e) {
                // nothing for a while: check whether to stop
            } catch (IOException e) {
                if (running) {
                    throw new IllegalStateException("UNIX receiver failed", e);
                }
            }
        }
    }

    private void arrived(byte[] data, int length) {
        received.incrementAndGet();
        if (sink != null) {
            sink.datagram(data, 0, length, System.nanoTime());
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                // closing a receiver at the end of a run: nothing left to lose
            }
        }
        if (dir != null) {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }
}
