package org.evi4j.evimi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.evi4j.mi.MiException;
import org.evi4j.testkit.CapturedLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue #17: refused subscriptions log no password, no forged line, and a bounded number of lines. */
class EviLogSafetyTest {

    private static final String CANARY = "CANARY-7f3a9";
    private static final List<String> TWO = List.of("event", "socket");

    private final TestEventInterface evi = new TestEventInterface();
    private final EventSubscribeCommand subscribe = new EventSubscribeCommand(evi);
    private final SubscribersListCommand list = new SubscribersListCommand(evi);

    @BeforeEach
    void publish() {
        evi.publish("E_A");
    }

    @Test
    void aRefusedSubscriptionWithAPasswordLogsItMaskedAndTheReplyHoldsNoneOfIt() {
        String log;
        MiException refused;
        MiException lookUp;
        try (CapturedLog captured = CapturedLog.start()) {
            refused = catchThrowableOfType(() -> subscribe.execute(
                    TestParams.of(TWO, "E_A", "nosuch:evi:" + CANARY + "@127.0.0.1/key")), MiException.class);
            lookUp = catchThrowableOfType(() -> list.execute(
                    TestParams.of(TWO, "E_A", "nosuch:evi:" + CANARY + "@127.0.0.1/key")), MiException.class);
            log = captured.text();
        }
        assertThat(refused.getMessage() + refused.data() + lookUp.getMessage() + lookUp.data()).doesNotContain(CANARY);
        assertThat(log).contains("nosuch:evi:***@127.0.0.1/key").doesNotContain(CANARY);
    }

    @Test
    void aSocketWithNewlinesAndTerminalEscapesGivesOneEscapedLogLine() {
        String forged = "nosuch:x\n[main] INFO org.evi4j.core - \u001b[2Jroot logged in\r\u001b[0m";
        String log;
        try (CapturedLog captured = CapturedLog.start()) {
            catchThrowableOfType(() -> subscribe.execute(TestParams.of(TWO, "E_A", forged)), MiException.class);
            log = captured.text();
        }
        assertThat(log.lines()).singleElement().asString().contains("nosuch:x\\n[main] INFO", "\\x1b[2Jroot")
                .doesNotContain("\u001b", "\r");
    }

    @Test
    void aFloodOfRefusalsLogsABoundedNumberOfLines() {
        String log;
        try (CapturedLog captured = CapturedLog.start()) {
            for (int i = 0; i < 1000; i++) {
                catchThrowableOfType(() -> subscribe.execute(TestParams.of(TWO, "E_A", "nosuch:" + "x".repeat(5000))),
                        MiException.class);
            }
            log = captured.text();
        }
        // 5 a second: the loop would need tens of seconds to reach 100 lines; today's code wrote 1 000 lines of 5 KB
        assertThat(log.lines().count()).isLessThan(100);
        assertThat(log.lines()).allSatisfy(line -> assertThat(line.length()).isLessThan(600));
    }
}
