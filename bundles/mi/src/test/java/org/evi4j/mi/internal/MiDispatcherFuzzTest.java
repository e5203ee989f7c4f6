package org.evi4j.mi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.evi4j.testkit.FuzzMutator;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 7: a million mutated and random datagrams, seeded from the MI vectors, through the real dispatcher with the
 * core commands and stand-ins for the EVI ones. Every outcome must be a SPEC reply (or none, for a notification),
 * nothing may escape, and the heap must not grow. A failure names the seed and iteration to replay; run another
 * seed or more iterations with {@code -Devi4j.fuzz.seed=N -Devi4j.fuzz.iterations=N}.
 */
class MiDispatcherFuzzTest {

    private static final Logger LOG = LoggerFactory.getLogger(MiDispatcherFuzzTest.class);
    private static final long SEED = Long.getLong("evi4j.fuzz.seed", 20261123L);
    private static final int ITERATIONS = Integer.getInteger("evi4j.fuzz.iterations", 1_000_000);
    /** Generous: retained garbage per request would be far more over 900,000 requests. */
    private static final long HEAP_GROWTH_BOUND = 32L << 20;

    private final FuzzMutator mutator = new FuzzMutator(SEED, seeds());
    private final MiReplyChecker checker = new MiReplyChecker();
    private final Harness h = Harness.withCoreCommands();
    private final ByteBuffer reply = ByteBuffer.allocate(65536);
    private long dispatchNanos;

    MiDispatcherFuzzTest() {
        MiFuzzCommands.register(h);
    }

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>(FuzzMutator.miRequests("mi-jsonrpc.json"));
        seeds.addAll(FuzzMutator.miRequests("mi-legacy.json"));
        for (String extra : new String[] {":raise_event:\nE_TEST_NAMED\n\"{\\\"a\\\":1}\"\n",
            ":subscribers_list:\nE_TEST_NAMED\nudp:127.0.0.1:9\n", ":help:\nraise_event\n", ":which:\nps\n",
            "{\"jsonrpc\":\"2.0\",\"method\":\"get_statistics\",\"params\":[[\"mi:\",\"all\"]],\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"reset_statistics\",\"params\":{\"statistics\":[\"requests\"]},"
                + "\"id\":2}"}) {
            seeds.add(extra.getBytes(StandardCharsets.UTF_8));
        }
        return seeds;
    }

    @Test
    void aMillionBadDatagramsGetSpecRepliesAndTheHeapStaysFlat() {
        long baseline = 0;
        int replies = 0;
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        dispatchNanos = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            if (i == ITERATIONS / 10) {
                baseline = usedHeapAfterGc();
            }
            byte[] request = mutator.datagram(i);
            byte[] answer = dispatch(request, i);
            String wrong = checker.check(request, answer);
            if (wrong != null) {
                fail(wrong + "\nrequest: " + MiReplyChecker.abbreviate(
                        new String(request, StandardCharsets.ISO_8859_1)) + "\n" + mutator.describe(i));
            }
            replies += answer == null ? 0 : 1;
        }
        cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu;
        LOG.info("{} datagrams (seed {}), {} replies; per datagram {} us CPU with mutation and checks, {} ns in"
                + " dispatch (wall)", ITERATIONS, SEED, replies, cpu / 1000 / ITERATIONS, dispatchNanos / ITERATIONS);
        long growth = usedHeapAfterGc() - baseline;
        assertThat(growth).as("heap growth in bytes from 10%% to 100%% of the run").isLessThan(HEAP_GROWTH_BOUND);
        assertThat(replies).as("replies").isGreaterThan(ITERATIONS / 2);
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"version\",\"id\":1}")).contains("\"Server\"");
    }

    private byte[] dispatch(byte[] request, int iteration) {
        boolean send;
        long start = System.nanoTime();
        try {
            send = h.dispatcher.dispatch(ByteBuffer.wrap(request), reply, "\t");
            dispatchNanos += System.nanoTime() - start;
        } catch (Throwable t) {
            throw new AssertionError("dispatch threw; " + mutator.describe(iteration), t);
        }
        if (!send) {
            if (reply.remaining() != 0) {
                fail("no reply, yet bytes in the buffer; " + mutator.describe(iteration));
            }
            return null;
        }
        byte[] out = new byte[reply.remaining()];
        reply.get(out);
        return out;
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        // the smallest of a few collections: one System.gc() may be partial
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
