package org.evi4j.benchmarks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.evi4j.mi.MiDispatcher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One MI request through the real dispatcher (parse, look up, run the command, write the reply), with no socket:
 * what the MI datagram server's reader adds to a round trip besides its two system calls.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MiDispatchBenchmark {

    /** {@code uptime}: JSON-RPC {@code uptime}; {@code which}: the command list; {@code legacy}: {@code :uptime:}. */
    @Param({"uptime", "which", "legacy"})
    public String request;

    private final MiDispatcher dispatcher = new BenchMi().dispatcher();
    private final ByteBuffer reply = ByteBuffer.allocate(65457);
    private ByteBuffer in;

    @Setup
    public void setUp() {
        String text = switch (request) {
            case "uptime" -> "{\"jsonrpc\":\"2.0\",\"method\":\"uptime\",\"id\":12345}";
            case "which" -> "{\"jsonrpc\":\"2.0\",\"method\":\"which\",\"id\":12345}";
            case "legacy" -> ":uptime:\n";
            default -> throw new IllegalArgumentException(request);
        };
        in = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        if (!dispatcher.dispatch(in.duplicate(), reply, "\t")) {
            throw new IllegalStateException("no reply to " + text);
        }
    }

    @Benchmark
    public int dispatch() {
        in.rewind();
        reply.clear();
        dispatcher.dispatch(in, reply, "\t");
        return reply.remaining();
    }
}
