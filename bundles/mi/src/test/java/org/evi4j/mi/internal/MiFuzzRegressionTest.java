package org.evi4j.mi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Minimal reproducers of what {@link MiDispatcherFuzzTest} found, kept as plain tests. */
class MiFuzzRegressionTest {

    private final Harness h = Harness.withCoreCommands();

    @Test
    void anIdTooLongToEchoStillGetsAnErrorReplyWithANullId() {
        // seed 20261123, iteration 35462: no reply at all, as even the error reply echoing the id did not fit
        String id = "x".repeat(65_400);
        String request = "{\"jsonrpc\":\"2.0\",\"method\":\"version\",\"id\":\"" + id + "\"}";
        assertThat(request.length()).isLessThanOrEqualTo(65_457);

        assertThat(h.call(request)).isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32000,"
                + "\"message\":\"Server error\",\"data\":\"Reply too large\"},\"id\":null}");
    }

    @Test
    void anIdThatStillFitsInTheErrorReplyIsEchoed() {
        String id = "y".repeat(65_300);

        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"nosuch\",\"id\":\"" + id + "\"}"))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"},\"id\":\""
                        + id + "\"}");
    }
}
