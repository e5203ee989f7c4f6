package org.evi4j.benchmarks;

import java.util.Arrays;

/** Recorded latencies in nanoseconds, up to a fixed number (later ones are counted, not kept). */
final class Latencies {

    private final long[] values;
    private int size;
    private long seen;

    Latencies(int capacity) {
        values = new long[capacity];
    }

    synchronized void add(long nanos) {
        seen++;
        if (size < values.length) {
            values[size++] = nanos;
        }
    }

    synchronized long seen() {
        return seen;
    }

    /** {@code p50=.. p90=.. p99=.. max=..} in microseconds. */
    synchronized String summary() {
        if (size == 0) {
            return "p50=- p90=- p99=- max=-";
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return String.format("p50=%.1f p90=%.1f p99=%.1f max=%.1f", at(sorted, 0.50), at(sorted, 0.90),
                at(sorted, 0.99), sorted[sorted.length - 1] / 1e3);
    }

    private static double at(long[] sorted, double q) {
        int i = (int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)));
        return sorted[i] / 1e3;
    }
}
