package org.evi4j.transport.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.evi4j.spi.DeliveryReport;
import org.evi4j.testkit.FuzzMutator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mutated and random {@code rabbitmq:} addresses through the parser: a destination whose canonical address parses
 * back to itself and whose shown address has no password, or an IllegalArgumentException with a message that does
 * not hold the password (when the text holds it once, in its place). Mutated host names would be looked up, so
 * this test runs in its own surefire execution with {@code -Djdk.net.hosts.file=src/test/resources/fuzz-hosts}:
 * names resolve from that file only. A failure names the seed and iteration.
 */
class RabbitAddressParserFuzzTest {

    private static final long SEED = Long.getLong("evi4j.fuzz.seed", 20261209L);
    private static final int ITERATIONS = Integer.getInteger("evi4j.fuzz.iterations", 50_000);
    private static final String PASSWORD = "Pw0rd-XyZ";

    @BeforeAll
    static void namesComeFromTheTestHostsFileOnly() throws UnknownHostException {
        FuzzMutator.requireTestHostsFile();
    }

    private static List<String> seeds() {
        List<String> seeds = new ArrayList<>();
        for (String socket : FuzzMutator.socketStrings()) {
            if (socket.startsWith("rabbitmq:")) {
                seeds.add(socket.substring("rabbitmq:".length()));
            }
        }
        seeds.addAll(List.of("127.0.0.1/pike", "guest:guest@127.0.0.1:5672/pike",
                "127.0.0.1/exchange=ev;persistent?pike", "admin:" + PASSWORD + "@fuzzhost:5673/a.b",
                "admin:" + PASSWORD + "@[::1]:5999/exchange=x%3By?k%3F", "u%40v:" + PASSWORD + "@localhost/?k",
                "admin:" + PASSWORD + "@127.0.0.1/tls_domain=d?k", "fuzzhost/persistent?caf%C3%A9"));
        return seeds;
    }

    @Test
    void mutatedAddressesGiveACanonicalDestinationOrARefusalWithoutThePassword() {
        FuzzMutator mutator = FuzzMutator.ofStrings(SEED, seeds());
        int parsed = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            String text = mutator.string(i);
            String context = "'" + text + "'; " + mutator.describe(i);
            try {
                RabbitDestination d = RabbitAddressParser.parse(text, DeliveryReport.NONE, TestSettings.RESOLVER);
                checkParsed(d, context);
                parsed++;
            } catch (IllegalArgumentException e) {
                if (e.getMessage() == null || e.getMessage().isBlank()) {
                    fail("refusal without a message for " + context, e);
                }
                if (isThePassword(text)) {
                    assertThat(e.getMessage()).as("refusal of %s", context).doesNotContain(PASSWORD);
                }
            } catch (RuntimeException e) {
                fail("parse threw " + e + " for " + context, e);
            }
        }
        assertThat(parsed).as("addresses accepted").isGreaterThan(ITERATIONS / 100);
    }

    /** Whether the text holds the password once, where a password goes: a copy spliced elsewhere is no password. */
    private static boolean isThePassword(String text) {
        return text.contains(":" + PASSWORD + "@") && text.indexOf(PASSWORD) == text.lastIndexOf(PASSWORD);
    }

    private static void checkParsed(RabbitDestination d, String context) {
        RabbitDestination again = RabbitAddressParser.parse(d.address(), DeliveryReport.NONE, TestSettings.RESOLVER);
        assertThat(again.address()).as("canonical address of %s", context).isEqualTo(d.address());
        assertThat(again.shownAddress()).as("shown address of %s", context).isEqualTo(d.shownAddress());
        assertThat(d.inetAddress()).as("ip of %s", context).isPresent();
        String user = PercentCoding.encode(d.broker().user(), PercentCoding.USER_INFO);
        String password = PercentCoding.encode(d.broker().password(), PercentCoding.USER_INFO);
        String where = d.broker().host() + ":" + d.broker().port();
        assertThat(d.address()).as("address of %s", context).startsWith(user + ":" + password + "@" + where + "/");
        assertThat(d.shownAddress()).as("shown address of %s", context)
                .isEqualTo(user + "@" + d.address().substring(user.length() + password.length() + 2));
    }
}
