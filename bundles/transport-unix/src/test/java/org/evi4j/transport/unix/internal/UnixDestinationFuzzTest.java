package org.evi4j.transport.unix.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.evi4j.testkit.FuzzMutator;
import org.junit.jupiter.api.Test;

/**
 * Issue 7: mutated and random UNIX socket paths (seeded from {@code sockets.json}) through the parser: a destination
 * whose path is the input, absolute and at most 107 bytes, or an IllegalArgumentException with a message, never
 * anything else. Parsing opens nothing. A failure names the seed and iteration to replay.
 */
class UnixDestinationFuzzTest {

    private static final long SEED = Long.getLong("evi4j.fuzz.seed", 20261123L);
    private static final int ITERATIONS = Integer.getInteger("evi4j.fuzz.iterations", 100_000);

    private static List<String> seeds() {
        List<String> seeds = new ArrayList<>();
        for (String socket : FuzzMutator.socketStrings()) {
            seeds.add(socket.startsWith("unix:") ? socket.substring(5) : socket);
        }
        return seeds;
    }

    @Test
    void mutatedPathsGiveADestinationOrAnIllegalArgumentWithAMessage() {
        FuzzMutator mutator = FuzzMutator.ofStrings(SEED, seeds());
        int parsed = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            String path = mutator.string(i);
            try {
                UnixDestination d = UnixDestination.parse(path);
                assertThat(d.address()).as("%s", mutator.describe(i)).isEqualTo(path).startsWith("/");
                assertThat(path.getBytes(StandardCharsets.UTF_8).length).as("%s", mutator.describe(i))
                        .isLessThanOrEqualTo(UnixDestination.MAX_PATH_BYTES);
                parsed++;
            } catch (IllegalArgumentException e) {
                if (e.getMessage() == null || e.getMessage().isBlank()) {
                    fail("refusal without a message for '" + path + "'; " + mutator.describe(i), e);
                }
            } catch (RuntimeException e) {
                fail("parse('" + path + "') threw " + e + "; " + mutator.describe(i), e);
            }
        }
        assertThat(parsed).as("paths accepted").isGreaterThan(ITERATIONS / 100);
    }
}
