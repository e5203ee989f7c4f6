package org.evi4j.transport.udp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.evi4j.support.HostResolver;
import org.evi4j.testkit.FuzzMutator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 7: mutated and random UDP addresses (seeded from {@code sockets.json}) through the parser: a destination,
 * or an IllegalArgumentException with a message, never anything else. Mutated host names would be looked up, so
 * this test runs in its own surefire execution with {@code -Djdk.net.hosts.file=src/test/resources/fuzz-hosts}:
 * the JDK then resolves names from that file only and never asks DNS. A failure names the seed and iteration.
 */
class UdpAddressParserFuzzTest {

    private static final long SEED = Long.getLong("evi4j.fuzz.seed", 20261123L);
    private static final int ITERATIONS = Integer.getInteger("evi4j.fuzz.iterations", 150_000);

    @BeforeAll
    static void namesComeFromTheTestHostsFileOnly() throws UnknownHostException {
        FuzzMutator.requireTestHostsFile();
    }

    private static List<String> seeds() {
        List<String> seeds = new ArrayList<>(FuzzMutator.addressesOf("udp"));
        seeds.addAll(List.of("fuzzhost:9", "[::ffff:127.0.0.1]:1", "[fe80::1%lo]:5", "127.1:7", "0x7f.1:7"));
        return seeds;
    }

    @Test
    void mutatedAddressesGiveADestinationOrAnIllegalArgumentWithAMessage() {
        FuzzMutator mutator = FuzzMutator.ofStrings(SEED, seeds());
        int parsed = 0;
        try (HostResolver resolver = new HostResolver("fuzz", 30_000)) {
            parsed = parseAll(mutator, resolver);
        }
        assertThat(parsed).as("addresses accepted").isGreaterThan(ITERATIONS / 100);
    }

    private static int parseAll(FuzzMutator mutator, HostResolver resolver) {
        int parsed = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            String text = mutator.string(i);
            try {
                UdpDestination d = UdpAddressParser.parse(text, resolver);
                assertThat(d.address()).as("address of '%s'; %s", text, mutator.describe(i)).isNotEmpty();
                assertThat(d.inetAddress()).as("ip of '%s'; %s", text, mutator.describe(i)).isPresent();
                parsed++;
            } catch (IllegalArgumentException e) {
                if (e.getMessage() == null || e.getMessage().isBlank()) {
                    fail("refusal without a message for '" + text + "'; " + mutator.describe(i), e);
                }
            } catch (RuntimeException e) {
                fail("parse('" + text + "') threw " + e + "; " + mutator.describe(i), e);
            }
        }
        return parsed;
    }
}
