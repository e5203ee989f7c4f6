package org.evi4j.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void aPasswordIsMaskedInSocketsAndAddresses() {
        assertThat(LogText.maskSocket("rabbitmq:evi:CANARY@127.0.0.1/calls"))
                .isEqualTo("rabbitmq:evi:***@127.0.0.1/calls");
        assertThat(LogText.maskSocket("rabbitmq:evi:CA:N@RY@h:99/k@x")).isEqualTo("rabbitmq:evi:***@x");
        assertThat(LogText.maskAddress("evi:pa/ss@host/key")).isEqualTo("evi:***@host/key");
        assertThat(LogText.maskSocket("rabbitmq:evi@h/k")).isEqualTo("rabbitmq:evi@h/k");
        assertThat(LogText.maskSocket("udp:127.0.0.1:9")).isEqualTo("udp:127.0.0.1:9");
        assertThat(LogText.maskSocket("/tmp/a:b@c")).isEqualTo("/tmp/a:***@c");
    }

    @Test
    void controlCharactersAndTerminalEscapesBecomeVisibleOnOneLine() {
        String forged = "udp:1.2.3.4:5\n2026-01-01 INFO forged \u001b[31mred\u001b[0m\r\u0000\u009b\u2028\\";
        String line = LogText.escape(forged);
        assertThat(line).doesNotContain("\n", "\r", "\u001b", "\u0000", "\u009b", "\u2028")
                .isEqualTo("udp:1.2.3.4:5\\n2026-01-01 INFO forged \\x1b[31mred\\x1b[0m\\r\\x00\\x9b\\u2028\\\\");
    }

    @Test
    void longTextIsCutWithAnEllipsis() {
        String line = LogText.escape("x".repeat(100_000));
        assertThat(line).hasSize(LogText.MAX_CHARS + 1).endsWith("x…");
        assertThat(LogText.escape("\n".repeat(1000))).hasSize(2 * LogText.MAX_CHARS + 1);
    }

    @Test
    void socketMasksThenEscapes() {
        assertThat(LogText.socket("rabbitmq:u:CANARY@h/k\n")).isEqualTo("rabbitmq:u:***@h/k\\n");
        assertThat(LogText.escape(null)).isEqualTo("null");
    }

    @Test
    void aMessageQuotingTheRawSocketOrItsAddressIsMasked() {
        String socket = "mq:u:CANARY@h/k";
        assertThat(LogText.message("no transport for " + socket, socket)).isEqualTo("no transport for mq:u:***@h/k");
        assertThat(LogText.message("bad address 'u:CANARY@h/k'\n", socket)).isEqualTo("bad address 'u:***@h/k'\\n");
        assertThat(LogText.message("x\n", "udp:1.2.3.4:5")).isEqualTo("x\\n");
    }
}
