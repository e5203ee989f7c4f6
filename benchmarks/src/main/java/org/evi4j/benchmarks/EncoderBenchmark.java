package org.evi4j.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.evi4j.api.Event;
import org.evi4j.encoder.jsonrpc.internal.JsonRpcEventEncoder;
import org.evi4j.encoder.legacy.internal.LegacyEventEncoder;
import org.evi4j.spi.EventEncoder;
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
 * The two event encoders on a small and a large event. The baselines turn the finished payload text into bytes
 * with {@code String.getBytes(UTF_8)}: the cost of producing the same bytes with no logic at all.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EncoderBenchmark {

    @Param({"small", "large"})
    public String size;

    private final EventEncoder jsonrpc = new JsonRpcEventEncoder();
    private final EventEncoder legacy = new LegacyEventEncoder();
    private Event event;
    private String jsonrpcText;
    private String legacyText;

    @Setup
    public void setUp() {
        event = EncoderEvents.of(size);
        jsonrpcText = new String(jsonrpc.encode(event), StandardCharsets.UTF_8);
        legacyText = new String(legacy.encode(event), StandardCharsets.UTF_8);
    }

    @Benchmark
    public byte[] jsonrpc() {
        return jsonrpc.encode(event);
    }

    @Benchmark
    public byte[] legacy() {
        return legacy.encode(event);
    }

    @Benchmark
    public byte[] baselineJsonrpcText() {
        return jsonrpcText.getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public byte[] baselineLegacyText() {
        return legacyText.getBytes(StandardCharsets.UTF_8);
    }
}
