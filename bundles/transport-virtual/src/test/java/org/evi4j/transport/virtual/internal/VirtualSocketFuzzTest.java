package org.evi4j.transport.virtual.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.evi4j.spi.DeliveryReport;
import org.evi4j.spi.Destination;
import org.evi4j.testkit.FuzzMutator;
import org.evi4j.testkit.TestClock;
import org.evi4j.testkit.Vectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mutated and random virtual sockets (seeded from the vectors' virtual and plain sockets), parsed with the real udp
 * and unix transports for the members: a destination, or an IllegalArgumentException with a message, never anything
 * else; a refused socket leaves no member route open. Runs in the fuzz-no-dns execution (names from a test hosts
 * file only). A failure names the seed and iteration.
 */
class VirtualSocketFuzzTest {

    private static final long SEED = Long.getLong("evi4j.fuzz.seed", 20261207L);
    private static final int ITERATIONS = Integer.getInteger("evi4j.fuzz.iterations", 30_000);

    @BeforeAll
    static void namesComeFromTheTestHostsFileOnly() throws UnknownHostException {
        FuzzMutator.requireTestHostsFile();
    }

    private static List<String> seeds() {
        List<String> seeds = new ArrayList<>();
        Vectors.load("transports-virtual.json").get("syntax")
                .forEach(c -> seeds.add(c.get("socket").asText().substring("virtual:".length())));
        for (String socket : FuzzMutator.socketStrings()) {
            seeds.add("FAILOVER " + socket + " udp:fuzzhost:9");
        }
        return seeds;
    }

    @Test
    void mutatedSocketsGiveADestinationOrAnIllegalArgumentWithAMessageAndLeakNoRoute() {
        DirectTransports transports = new DirectTransports().with("udp", RealParts.udp())
                .with("unix", RealParts.unix());
        VirtualTransport virtual = new VirtualTransport(transports, RealParts.config(30), new TestClock(0));
        transports.with("virtual", virtual);
        FuzzMutator mutator = FuzzMutator.ofStrings(SEED, seeds());
        int parsed = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            String text = mutator.string(i);
            try {
                Destination d = virtual.parse(text, DeliveryReport.NONE);
                assertThat(d.shownAddress()).as("'%s'; %s", text, mutator.describe(i)).isNotEmpty();
                virtual.release(d);
                parsed++;
            } catch (IllegalArgumentException e) {
                if (e.getMessage() == null || e.getMessage().isBlank()) {
                    fail("refusal without a message for '" + text + "'; " + mutator.describe(i), e);
                }
            } catch (RuntimeException e) {
                fail("parse('" + text + "') threw " + e + "; " + mutator.describe(i), e);
            }
            assertThat(transports.open).as("routes left open by '%s'; %s", text, mutator.describe(i)).hasValue(0);
        }
        assertThat(parsed).as("sockets accepted").isGreaterThan(ITERATIONS / 100);
    }
}
