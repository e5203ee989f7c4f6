package org.evi4j.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.evi4j.api.Event;
import org.evi4j.api.EventInterface;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.encoder.jsonrpc.internal.JsonRpcEventEncoder;
import org.evi4j.spi.Transports;
import org.evi4j.testkit.Configs;
import org.evi4j.transport.udp.internal.UdpTransport;
import org.evi4j.transport.udp.internal.UdpTransportConfig;
import org.evi4j.transport.virtual.internal.VirtualTransport;
import org.evi4j.transport.virtual.internal.VirtualTransportConfig;
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
 * Issue 15: one event raised through the real core to one {@code virtual:PARALLEL} subscriber whose two members are
 * real UDP receivers, the members reached through the core's Transports service and sent by the real UDP transport
 * ({@code evi4j}); and, in the same run and to the same receivers, a raw loop writing the same precomputed bytes
 * twice, once on each of two connected non-blocking IPv4 channels ({@code raw}). One operation = one event to both
 * members. After each iteration the datagrams sent and received are printed, so that drops are seen.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class VirtualBenchmark {

    /** The subscriber: {@code parallel2} = {@code virtual:PARALLEL} over two UDP members (the case). */
    @Param({"parallel2"})
    public String target;

    private Receivers receivers;
    private BenchCore core;
    private EventInterface events;
    private UdpTransport udp;
    private Event event;
    private ByteBuffer payload;
    private DatagramChannel[] raw;
    private long rawWritten;
    private long raised;
    private long receivedBefore;
    private long iterationStart;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        receivers = Receivers.udp(2, null);
        udp = new UdpTransport(Configs.of(UdpTransportConfig.class));
        core = new BenchCore().transport("udp", udp).encoder("jsonrpc", new JsonRpcEventEncoder());
        events = core.start();
        core.transport("virtual",
                new VirtualTransport((Transports) events, Configs.of(VirtualTransportConfig.class)));
        event = EncoderEvents.small();
        events.publish(event.name());
        List<String> sockets = receivers.sockets();
        events.subscribe(event.name(), "virtual:PARALLEL " + sockets.get(0) + " " + sockets.get(1), 3600);
        payload = ByteBuffer.wrap(new JsonRpcEventEncoder().encode(event));
        raw = new DatagramChannel[sockets.size()];
        for (int i = 0; i < raw.length; i++) {
            String socket = sockets.get(i);
            raw[i] = DatagramChannel.open(StandardProtocolFamily.INET);
            raw[i].configureBlocking(false);
            raw[i].connect(new InetSocketAddress("127.0.0.1",
                    Integer.parseInt(socket.substring(socket.lastIndexOf(':') + 1))));
        }
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        receivedBefore = receivers.settle();
        rawWritten = 0;
        raised = 0;
        events.resetStatistics();
        iterationStart = System.nanoTime();
    }

    @TearDown(Level.Iteration)
    public void report() {
        double seconds = (System.nanoTime() - iterationStart) / 1e9;
        long received = receivers.settle() - receivedBefore;
        if (raised > 0) {
            SubscriberInfo s = events.subscribers(event.name()).get(0);
            System.out.printf("%n[evi4j virtual2] raised %d, member datagrams sent %d, dropped %d, failed %d,"
                    + " received %d, delivered %.0f/s%n", raised, s.sent(), s.dropped(), s.failed() + s.undelivered(),
                    received, received / seconds);
        } else {
            System.out.printf("%n[raw virtual2] datagrams written %d, received %d, delivered %.0f/s%n", rawWritten,
                    received, received / seconds);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        for (DatagramChannel c : raw) {
            c.close();
        }
        core.close();
        udp.deactivate();
        receivers.close();
    }

    /** One event raised to the virtual subscriber: encoded once, sent to both members. */
    @Benchmark
    public int evi4j() {
        raised++;
        return events.raise(event);
    }

    /** The same bytes written to the same two receivers, with nothing else: two raw UDP sends per event. */
    @Benchmark
    public int raw() throws IOException {
        int written = 0;
        for (DatagramChannel c : raw) {
            payload.clear();
            written += c.write(payload) > 0 ? 1 : 0;
        }
        rawWritten += written;
        return written;
    }
}
