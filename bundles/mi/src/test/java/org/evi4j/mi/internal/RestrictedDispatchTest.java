package org.evi4j.mi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.evi4j.mi.MiResponse;
import org.junit.jupiter.api.Test;

/** An MI server's command policy: refused commands are not run and get 403 Forbidden in both dialects. */
class RestrictedDispatchTest {

    private final Harness h = Harness.withCoreCommands();
    private final AtomicInteger runs = new AtomicInteger();
    private final List<String> asked = new ArrayList<>();

    RestrictedDispatchTest() {
        h.register(new TestCommand(List.of(List.of()), p -> {
            runs.incrementAndGet();
            return MiResponse.ok();
        }), "event_subscribe", "evi:subscribe");
    }

    private String call(String request, Predicate<String> allowed) {
        ByteBuffer reply = ByteBuffer.allocate(65457);
        boolean send = h.dispatcher.dispatch(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)), reply, "\t",
                name -> {
                    asked.add(name);
                    return allowed.test(name);
                });
        return send ? StandardCharsets.UTF_8.decode(reply).toString() : null;
    }

    @Test
    void aRefusedCommandIsNotRunAndGetsForbidden() {
        Predicate<String> readOnly = Set.of("version", "which")::contains;
        assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"event_subscribe\",\"id\":7}", readOnly)).isEqualTo(
                "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":403,\"message\":\"Forbidden\",\"data\":"
                        + "\"event_subscribe is not allowed on this MI socket\"},\"id\":7}");
        assertThat(call(":event_subscribe:\n", readOnly)).isEqualTo("403 Forbidden\n");
        assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"evi:subscribe\",\"id\":8}", readOnly))
                .as("an alias is no way round").contains("\"code\":403");
        assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"event_subscribe\"}", readOnly))
                .as("a notification gets no reply, and is not run either").isNull();
        assertThat(runs).hasValue(0);
    }

    @Test
    void allowedCommandsRunAndUnknownOnesAreStillNotFound() {
        Predicate<String> some = Set.of("version", "event_subscribe")::contains;
        assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"version\",\"id\":1}", some)).contains("\"result\"");
        assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"event_subscribe\",\"id\":2}", some)).contains("\"OK\"");
        assertThat(runs).hasValue(1);
        assertThat(call("{\"jsonrpc\":\"2.0\",\"method\":\"nope\",\"id\":3}", some)).contains("-32601");
        assertThat(call(":nope:\n", some)).isEqualTo("500 command not available\n");
        assertThat(asked).doesNotContain("nope");
    }

    @Test
    void theThreeArgumentDispatchServesEverything() {
        assertThat(h.call("{\"jsonrpc\":\"2.0\",\"method\":\"event_subscribe\",\"id\":2}")).contains("\"OK\"");
        assertThat(runs).hasValue(1);
    }
}
