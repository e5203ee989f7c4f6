package org.evi4j.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The harness's parsing, and each command end to end against the real components (no figures asserted). */
@Timeout(60)
class BenchTest {

    @Test
    void findsTheReplyIdWhateverTheServersSpacing() {
        assertThat(id("{\"jsonrpc\":\"2.0\",\"result\":{\"Up time\":\"5 [sec]\"},\"id\":4711}")).isEqualTo(4711);
        assertThat(id("{\"jsonrpc\": \"2.0\", \"result\": {}, \"id\": 12}")).isEqualTo(12);
        assertThat(id("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700},\"id\":null}")).isEqualTo(-1);
        assertThat(id("not json")).isEqualTo(-1);
    }

    private static int id(String reply) {
        byte[] b = reply.getBytes(UTF_8);
        return MiLoad.idOf(b, b.length);
    }

    @Test
    void readsTheRaiseTimeFromBothEncodings() {
        assertThat(raisedAt("{\"jsonrpc\":\"2.0\",\"method\":\"E_BENCH\",\"params\":{\"seq\":3,\"t\":\"123456789\"}}"))
                .isEqualTo(123456789L);
        assertThat(raisedAt("E_BENCH\nseq::3\nt::987654321\n\n")).isEqualTo(987654321L);
        assertThat(raisedAt("E_BENCH\nseq::3\nat::5\n\n")).isEqualTo(-1);
        assertThat(raisedAt("{\"t\":42}")).isEqualTo(-1);
    }

    private static long raisedAt(String datagram) {
        byte[] b = datagram.getBytes(UTF_8);
        return EventLoad.raisedAt(b, 0, b.length);
    }

    @Test
    void optionsNeedAValueAfterEachName() {
        Options o = Options.parse(new String[] {"--socket", "udp:a:1", "--socket", "unix:/b", "--count", "5"});
        assertThat(o.all("socket")).containsExactly("udp:a:1", "unix:/b");
        assertThat(o.integer("count", 1)).isEqualTo(5);
        assertThat(o.integer("inflight", 7)).isEqualTo(7);
        assertThatThrownBy(() -> Options.parse(new String[] {"--count"})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void miLoadGetsEveryReplyFromTheRealServer() throws Exception {
        try (BenchMiServer server = new BenchMiServer(new BenchMi().dispatcher(), "udp:127.0.0.1:0", 2)) {
            int port = ((InetSocketAddress) server.localAddress()).getPort();
            int rc = MiLoad.run(Options.parse(new String[] {"--socket", "udp:127.0.0.1:" + port, "--count", "300",
                    "--inflight", "4"}));
            assertThat(rc).as("0 = every request answered without error").isZero();
        }
    }

    @Test
    void miLoadReportsErrorRepliesAsFailure() throws Exception {
        try (BenchMiServer server = new BenchMiServer(new BenchMi().dispatcher(), "udp:127.0.0.1:0", 1)) {
            int port = ((InetSocketAddress) server.localAddress()).getPort();
            int rc = MiLoad.run(Options.parse(new String[] {"--socket", "udp:127.0.0.1:" + port, "--count", "20",
                    "--method", "no_such_command"}));
            assertThat(rc).isEqualTo(1);
        }
    }

    @Test
    void eventLoadDeliversEveryEventToEveryReceiver() throws Exception {
        int rc = EventLoad.run(Options.parse(new String[] {"--rate", "500", "--duration", "1", "--subscribers",
                "3"}));
        assertThat(rc).as("0 = delivered = raised × subscribers").isZero();
    }

    @Test
    void rabbitLoadSettlesEveryEventOnAPrivateBroker() throws Exception {
        int rc = RabbitLoad.run(Options.parse(new String[] {"--count", "500", "--rounds", "1"}));
        assertThat(rc).as("0 = every event published (and confirmed), same bytes as the baseline's").isZero();
    }
}
