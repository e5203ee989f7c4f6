package org.evi4j.mi.datagram.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.evi4j.mi.datagram.internal.MiTestSupport.config;

import java.io.IOException;
import java.lang.management.ManagementFactory;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

class MiSocketJmxTest {

    private final MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();

    @Test
    void countersAreReadableInJmxWhileTheServerRuns() throws Exception {
        MiDatagramServer server = new MiDatagramServer(MiTestSupport.REVERSE, config("socket_name", "udp:127.0.0.1:0"));
        ObjectName name = new ObjectName(
                "org.evi4j:type=MiDatagram,socket=" + ObjectName.quote(server.statistics().socket()));
        try (MiClient client = new UdpClient(server.localAddress())) {
            client.call(":ps:\n");
            await().until(() -> jmx.isRegistered(name));
            assertThat(jmx.getAttribute(name, "Socket")).isEqualTo(server.statistics().socket());
            assertThat(jmx.getAttribute(name, "Requests")).isEqualTo(1L);
            await().until(() -> Long.valueOf(1).equals(jmx.getAttribute(name, "Replies")));
        } finally {
            server.stop();
        }
        assertThat(jmx.isRegistered(name)).as("unregistered on stop").isFalse();
    }

    @Test
    void aSecondRegistrationOfTheSameNameDoesNotStopTheServer() throws Exception {
        MiDatagramServer first = new MiDatagramServer(MiTestSupport.REVERSE, config("socket_name", "udp:127.0.0.1:0"));
        try {
            ObjectName name = new ObjectName(
                    "org.evi4j:type=MiDatagram,socket=" + ObjectName.quote(first.statistics().socket()));
            await().until(() -> jmx.isRegistered(name));
            assertThat(MiSocketJmx.register(first.statistics())).as("name taken: logged, no bean").isNull();
        } finally {
            first.stop();
        }
    }

    @Test
    void stoppingAtOnceLeavesNoBeanBehind() throws Exception {
        MiDatagramServer server = new MiDatagramServer(MiTestSupport.REVERSE, config("socket_name", "udp:127.0.0.1:0"));
        ObjectName name = new ObjectName(
                "org.evi4j:type=MiDatagram,socket=" + ObjectName.quote(server.statistics().socket()));
        server.stop();
        assertThat(jmx.isRegistered(name)).isFalse();
    }
}
