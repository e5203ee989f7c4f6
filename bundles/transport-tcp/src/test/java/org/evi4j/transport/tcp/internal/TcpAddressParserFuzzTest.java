package org.evi4j.transport.tcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.evi4j.spi.DeliveryReport;
import org.evi4j.spi.Destination;
import org.evi4j.testkit.FuzzMutator;
import org.evi4j.testkit.Vectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mutated and random {@code tcp:} addresses through the transport's parser: a destination whose canonical address
 * parses back to itself, or an IllegalArgumentException with a message; never another exception, and no connection
 * is opened by parsing. Mutated host names would be looked up, so this test runs in its own surefire execution with
 * {@code -Djdk.net.hosts.file=src/test/resources/fuzz-hosts}. A failure names the seed and iteration.
 */
class TcpAddressParserFuzzTest {

    private static final long SEED = Long.getLong("evi4j.fuzz.seed", 20261215L);
    private static final int ITERATIONS = Integer.getInteger("evi4j.fuzz.iterations", 50_000);

    @BeforeAll
    static void namesComeFromTheTestHostsFileOnly() throws UnknownHostException {
        FuzzMutator.requireTestHostsFile();
    }

    private static List<String> seeds() {
        List<String> seeds = new ArrayList<>();
        for (String socket : FuzzMutator.socketStrings()) {
            if (socket.startsWith("tcp:")) {
                seeds.add(socket.substring("tcp:".length()));
            }
        }
        Vectors.load("transports-stream.json").get("sockets").forEach(kind -> {
            if (kind.isArray()) {
                kind.forEach(v -> seeds.add(v.get("socket").asText().replaceFirst("^[tT][cC][pP]:", "")));
            }
        });
        seeds.addAll(List.of("127.0.0.1:9104/m/x y", "fuzzhost:65535/a.b", "localhost:1/"));
        return seeds;
    }

    @Test
    void mutatedAddressesGiveACanonicalDestinationOrAClearRefusal() throws Exception {
        FuzzMutator mutator = FuzzMutator.ofStrings(SEED, seeds());
        TcpTransport transport = new TcpTransport(TcpSettings.defaults());
        int parsed = 0;
        try {
            for (int i = 0; i < ITERATIONS; i++) {
                String text = mutator.string(i);
                String context = "'" + text + "'; " + mutator.describe(i);
                try {
                    Destination d = transport.parse(text, DeliveryReport.NONE);
                    Destination again = transport.parse(d.address(), DeliveryReport.NONE);
                    assertThat(again.address()).as("canonical address of %s", context).isEqualTo(d.address());
                    assertThat(d.inetAddress()).as("ip of %s", context).isPresent();
                    parsed++;
                } catch (IllegalArgumentException e) {
                    if (e.getMessage() == null || e.getMessage().isBlank()) {
                        fail("refusal without a message for " + context, e);
                    }
                } catch (RuntimeException e) {
                    fail("parse threw " + e + " for " + context, e);
                }
            }
            assertThat(transport.connections()).as("parsing opens no connection").isEmpty();
        } finally {
            transport.deactivate();
        }
        assertThat(parsed).as("addresses accepted").isGreaterThan(ITERATIONS / 100);
    }
}
