package org.evi4j.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.evi4j.api.Event;
import org.evi4j.api.EventInterface;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.encoder.jsonrpc.internal.JsonRpcEventEncoder;
import org.evi4j.encoder.legacy.internal.LegacyEventEncoder;
import org.evi4j.testkit.Configs;
import org.evi4j.transport.udp.internal.UdpTransport;
import org.evi4j.transport.udp.internal.UdpTransportConfig;
import org.evi4j.transport.unix.internal.UnixTransport;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * raise→send through the real core, the real JSON-RPC encoder and the real UDP or UNIX transport, to 1, 10 or 100
 * real UDP receivers or 1 UNIX receiver ({@code evi4j}); and, in the same run and to the same receivers, a raw loop
 * writing the same precomputed bytes on one connected non-blocking channel per receiver, of the family the
 * transport opens ({@code raw}): the physical limit. One operation = one event to every receiver. After each
 * iteration, the datagrams written, refused by a full socket (would-block) and received are printed, so that drops
 * that flatter a figure are seen.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// a touched, fixed heap: without it most allocated pages are touched for the first time during the measurement
// (no GC yet in a few seconds) and each page fault, costly in a VM, is charged to whichever method allocates more
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class RaiseBenchmark {

    /** {@code udpN}: N UDP receivers; {@code unix1}: one UNIX receiver. */
    @Param({"udp1", "udp10", "udp100", "unix1"})
    public String target;

    private Receivers receivers;
    private BenchCore core;
    private EventInterface events;
    private UdpTransport udp;
    private UnixTransport unix;
    private Event event;
    private ByteBuffer payload;
    private WritableByteChannel[] raw;
    private long rawWritten;
    private long rawWouldBlock;
    private long raised;
    private long receivedBefore;
    private long iterationStart;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        boolean isUnix = target.startsWith("unix");
        receivers = isUnix ? Receivers.unix(1, null) : Receivers.udp(Integer.parseInt(target.substring(3)), null);
        udp = new UdpTransport(Configs.of(UdpTransportConfig.class));
        unix = new UnixTransport();
        core = new BenchCore().transport("udp", udp).transport("unix", unix)
                .encoder("jsonrpc", new JsonRpcEventEncoder()).encoder("legacy", new LegacyEventEncoder());
        events = core.start();
        event = EncoderEvents.small();
        events.publish(event.name());
        for (String socket : receivers.sockets()) {
            events.subscribe(event.name(), socket, 3600);
        }
        payload = ByteBuffer.wrap(new JsonRpcEventEncoder().encode(event));
        raw = openRaw(receivers.sockets());
    }

    private static WritableByteChannel[] openRaw(List<String> sockets) throws IOException {
        List<WritableByteChannel> out = new ArrayList<>();
        for (String socket : sockets) {
            if (socket.startsWith("unix:")) {
                AFUNIXDatagramChannel c = AFUNIXDatagramChannel.open();
                c.configureBlocking(false);
                c.connect(AFUNIXSocketAddress.of(Path.of(socket.substring(5))));
                out.add(c);
            } else {
                // an IPv4 socket, as the UDP transport opens for an IPv4 address: a dual-stack one pays a route
                // look-up on every send to a v4-mapped address
                DatagramChannel c = DatagramChannel.open(StandardProtocolFamily.INET);
                c.configureBlocking(false);
                int port = Integer.parseInt(socket.substring(socket.lastIndexOf(':') + 1));
                c.connect(new InetSocketAddress("127.0.0.1", port));
                out.add(c);
            }
        }
        return out.toArray(new WritableByteChannel[0]);
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        receivedBefore = receivers.settle();
        rawWritten = 0;
        rawWouldBlock = 0;
        raised = 0;
        events.resetStatistics();
        iterationStart = System.nanoTime();
    }

    @TearDown(Level.Iteration)
    public void report() {
        double seconds = (System.nanoTime() - iterationStart) / 1e9;
        long received = receivers.settle() - receivedBefore;
        if (raised > 0) {
            long sent = 0;
            long dropped = 0;
            long failed = 0;
            for (SubscriberInfo s : events.subscribers(event.name())) {
                sent += s.sent();
                dropped += s.dropped();
                failed += s.failed() + s.undelivered();
            }
            System.out.printf("%n[evi4j %s] raised %d, datagrams sent %d, dropped (would block) %d, failed %d,"
                    + " received %d (lost after send: %d), delivered %.0f/s%n", target, raised, sent, dropped, failed,
                    received, sent - received, received / seconds);
        } else {
            System.out.printf("%n[raw %s] datagrams written %d, would block %d, received %d (lost after send: %d),"
                    + " delivered %.0f/s%n", target, rawWritten, rawWouldBlock, received, rawWritten - received,
                    received / seconds);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        for (WritableByteChannel c : raw) {
            c.close();
        }
        core.close();
        udp.deactivate();
        unix.deactivate();
        receivers.close();
    }

    /** One event raised through the Event Interface: encoded once, sent to every subscriber. */
    @Benchmark
    public int evi4j() {
        raised++;
        return events.raise(event);
    }

    /** The same bytes written to the same receivers, with nothing else: the physical limit. */
    @Benchmark
    public int raw() throws IOException {
        int written = 0;
        for (WritableByteChannel c : raw) {
            payload.clear();
            if (c.write(payload) > 0) {
                written++;
            } else {
                rawWouldBlock++;
            }
        }
        rawWritten += written;
        return written;
    }
}
