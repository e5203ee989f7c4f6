package org.evi4j.transport.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.evi4j.spi.SendResult;
import org.evi4j.support.net.Networks;
import org.evi4j.testkit.RecordingReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #17, RabbitMQ exhaustion replayed against a broker that is down (nothing drains, the worst case): 100
 * subscribers and 85 raises of 60 KB stay within {@code queue_bytes}; {@code max_connections} caps connections and
 * threads; {@code allowed_destinations} names the brokers evi4j may connect to.
 */
class RabbitLimitsTest {

    private static final long QUEUE_BYTES = 1 << 20;
    private RabbitTransport transport;
    private int closedPort;

    @BeforeEach
    void setUp() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        if (transport != null) {
            transport.deactivate();
        }
    }

    private RabbitTransport transport(long bytes, int connections, Networks allowed) {
        transport = new RabbitTransport(TestSettings.settings(100_000, true).withLimits(bytes, connections, allowed));
        return transport;
    }

    private static Networks loopback() {
        return Networks.parse("allowed_destinations", "127.0.0.0/8");
    }

    @Test
    void aBurstForManySubscribersStaysWithinTheByteBoundAndSharesOneCopyPerEvent() {
        RabbitTransport t = transport(QUEUE_BYTES, 16, loopback());
        List<RabbitDestination> subscribers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            subscribers.add((RabbitDestination) t.parse("evi:pw@127.0.0.1:" + closedPort + "/key" + i,
                    new RecordingReport()));
        }
        int pending = 0;
        for (int raise = 0; raise < 85; raise++) {
            byte[] event = new byte[60_000];
            Arrays.fill(event, (byte) ('a' + raise % 26));
            event[0] = (byte) raise;
            ByteBuffer payload = ByteBuffer.wrap(event);
            for (RabbitDestination d : subscribers) {
                SendResult result = t.send(d, payload);
                if (result == SendResult.PENDING) {
                    pending++;
                }
                assertThat(t.bytesWaiting()).isLessThanOrEqualTo(QUEUE_BYTES);
            }
        }
        // 1 MiB holds 17 events of 60 KB: shared by the 100 subscribers that is 1 700 waiting sends; one copy per
        // subscriber would have let 17 through (and 510 MB without a byte bound)
        assertThat(pending).isGreaterThanOrEqualTo(1_700);
        assertThat(t.bytesWaiting()).isLessThanOrEqualTo(QUEUE_BYTES).isPositive();
    }

    @Test
    void connectionsAndTheirThreadsAreCappedPerTransport() {
        RabbitTransport t = transport(QUEUE_BYTES, 2, loopback());
        List<SendResult> results = new ArrayList<>();
        for (int login = 0; login < 20; login++) {
            RabbitDestination d = (RabbitDestination) t.parse("user" + login + ":pw@127.0.0.1:" + closedPort + "/k",
                    new RecordingReport());
            results.add(t.send(d, ByteBuffer.wrap(new byte[] {1})));
        }
        assertThat(results.subList(0, 2)).containsOnly(SendResult.PENDING);
        assertThat(results.subList(2, 20)).allSatisfy(r -> assertThat(r.reason()).contains("max_connections (2)"));
        assertThat(t.connections()).hasSize(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> Threads.named("evi4j-rabbitmq-").size() <= 2);
    }

    @Test
    void brokersOutsideAllowedDestinationsAreRefusedAndNoneIsAllowedByDefault() throws Exception {
        RabbitTransport none = transport(QUEUE_BYTES, 2, Networks.parse("allowed_destinations"));
        assertThatIllegalArgumentException().isThrownBy(() -> none.parse("evi:CANARY@127.0.0.1:22/k"))
                .withMessageContaining("allowed_destinations").withMessageNotContaining("CANARY");
        assertThat((String[]) RabbitTransportConfig.class.getDeclaredMethod("allowed__destinations").getDefaultValue())
                .as("the configuration's default").isEmpty();
        RabbitTransport some = new RabbitTransport(TestSettings.defaults().withLimits(1, 1,
                Networks.parse("allowed_destinations", "10.0.0.0/8")));
        try {
            assertThatIllegalArgumentException().isThrownBy(() -> some.parse("127.0.0.1/k"));
            assertThat(some.parse("10.1.2.3/k").shownAddress()).isEqualTo("guest@10.1.2.3:5672/k");
        } finally {
            some.deactivate();
        }
    }
}
