package org.evi4j.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.evi4j.api.EventInterface;
import org.evi4j.api.SubscriberInfo;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.tinybundles.TinyBundles;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * evi4j in a real Apache Karaf, driven as a user does: {@code feature:repo-add} + {@code feature:install evi4j},
 * an MI socket from a {@code .cfg} file, real UDP, UNIX and TCP listeners, transports stopped and updated under
 * traffic, and a transport bundle of the test's own.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KarafFeaturesIT {

    /** The test's own transport bundle, built on the host side (tinybundles is not in Karaf). */
    private static final String RELAY_BUNDLE_PROPERTY = "evi4j.it.relayBundle";

    @Inject
    private BundleContext context;

    @Inject
    private FeaturesService features;

    @Configuration
    public Option[] config() {
        return KarafRuntime.options(systemProperty(RELAY_BUNDLE_PROPERTY).value(relayBundle()));
    }

    @Before
    public void installEvi4j() throws Exception {
        KarafRuntime.install(features, context, "evi4j");
    }

    @Test
    public void miSocketsFromCfgFilesAnswer() throws IOException {
        try (DatagramPeer udp = DatagramPeer.udp(); TempSockets dir = new TempSockets();
                DatagramPeer unix = DatagramPeer.unix(dir.path("c.sock"))) {
            assertThat(Mi.call(udp, KarafRuntime.udpMi(), "{\"jsonrpc\":\"2.0\",\"method\":\"version\",\"id\":1}"))
                    .matches("\\{\"jsonrpc\":\"2\\.0\",\"result\":\\{\"Server\":\"evi4j \\(.*\\)\"\\},\"id\":1\\}");
            assertThat(Mi.call(unix, KarafRuntime.unixMi(), ":version:\n")).startsWith("200 OK\nServer:: evi4j (");
        }
    }

    @Test
    public void udpAndUnixListenersSubscribedOverMiGetARaisedEvent() throws IOException {
        try (DatagramPeer client = DatagramPeer.udp(); DatagramPeer udp = DatagramPeer.udp();
                TempSockets dir = new TempSockets(); DatagramPeer unix = DatagramPeer.unix(dir.path("l.sock"))) {
            subscribe(client, "E_DEMO", udp.socketString());
            subscribe(client, "E_DEMO", unix.socketString() + ";encoder=legacy");
            assertThat(Mi.call(client, KarafRuntime.udpMi(), raise("E_DEMO", 7))).isEqualTo(ok(7));
            assertThat(text(udp.receive(5000)))
                    .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"E_DEMO\",\"params\":[\"karaf\"]}");
            assertThat(text(unix.receive(5000))).isEqualTo("E_DEMO\nkaraf\n\n");
            unsubscribe(client, "E_DEMO", udp.socketString());
            unsubscribe(client, "E_DEMO", unix.socketString());
        }
    }

    @Test
    public void aTcpListenerSubscribedOverMiGetsTheEventWithItsMethod() throws IOException {
        assertThat(Paths.get(System.getProperty("karaf.etc"), "org.evi4j.transport.tcp.cfg")).exists();
        try (DatagramPeer client = DatagramPeer.udp();
                ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(10_000);
            String socket = "tcp:127.0.0.1:" + listener.getLocalPort() + "/karaf.demo";
            subscribe(client, "E_DEMO", socket);
            assertThat(call(client, raise("E_DEMO", 8))).isEqualTo(ok(8));
            byte[] expected = "{\"jsonrpc\":\"2.0\",\"method\":\"karaf.demo\",\"params\":[\"karaf\"]}"
                    .getBytes(StandardCharsets.UTF_8);
            try (Socket connection = listener.accept()) {
                connection.setSoTimeout(10_000);
                assertThat(connection.getInputStream().readNBytes(expected.length)).isEqualTo(expected);
            }
            unsubscribe(client, "E_DEMO", socket);
        }
    }

    @Test
    public void aFlatstoreFileInTheDefaultFolderGetsTheLineAndRotates() throws Exception {
        assertThat(Paths.get(System.getProperty("karaf.etc"), "org.evi4j.transport.flatstore.cfg")).exists();
        Path file = Paths.get(System.getProperty("karaf.data"), "flatstore", "karaf-demo.log");
        try (DatagramPeer client = DatagramPeer.udp()) {
            String socket = "flatstore:" + file;
            subscribe(client, "E_DEMO", socket);
            assertThat(call(client, raise("E_DEMO", 9))).isEqualTo(ok(9));
            Await.until("the line in " + file, () -> Files.exists(file) && file.toFile().length() > 0);
            assertThat(Files.readString(file)).isEqualTo("E_DEMO,karaf\n");
            assertThat(call(client, "{\"jsonrpc\":\"2.0\",\"method\":\"evi_flat_rotate\",\"params\":[\""
                    + file + "\"],\"id\":10}")).isEqualTo(ok(10));
            assertThat(call(client, "{\"jsonrpc\":\"2.0\",\"method\":\"event_subscribe\",\"params\":"
                    + "[\"E_DEMO\",\"flatstore:/tmp/evi4j-karaf.log\"],\"id\":11}")).contains("\"code\":400");
            unsubscribe(client, "E_DEMO", socket);
        }
    }

    @Test
    public void stoppingAndUpdatingTheUdpTransportKeepsSubscriptions() throws Exception {
        EventInterface evi = Await.service(context, EventInterface.class, null);
        Bundle transport = bundle("org.evi4j.transport-udp");
        try (DatagramPeer client = DatagramPeer.udp(); DatagramPeer udp = DatagramPeer.udp()) {
            subscribe(client, "E_DEMO", udp.socketString());

            transport.stop();
            for (int i = 0; i < 50; i++) {
                assertThat(Mi.call(client, KarafRuntime.udpMi(), raise("E_DEMO", 100 + i))).isEqualTo(ok(100 + i));
            }
            SubscriberInfo stopped = evi.subscriber("E_DEMO", udp.socketString()).orElseThrow();
            assertThat(stopped.undelivered()).isGreaterThanOrEqualTo(50);
            assertThat(udp.receive(200)).isNull();

            transport.start();
            Await.until("delivery resumes after start", () -> raisedAndReceived(client, udp));

            transport.update();
            Await.until("delivery resumes after update", () -> raisedAndReceived(client, udp));
            assertThat(evi.subscribers("E_DEMO")).extracting(SubscriberInfo::socket).contains(udp.socketString());
            unsubscribe(client, "E_DEMO", udp.socketString());
        }
    }

    @Test
    public void aVirtualSubscriberOverMiKeepsItsUnixMemberServedWhileTheUdpTransportIsStopped() throws Exception {
        EventInterface evi = Await.service(context, EventInterface.class, null);
        Bundle transport = bundle("org.evi4j.transport-udp");
        Await.service(context, org.evi4j.spi.EventTransport.class, "(evi.transport=virtual)");
        try (DatagramPeer client = DatagramPeer.udp(); DatagramPeer udp = DatagramPeer.udp();
                TempSockets dir = new TempSockets(); DatagramPeer unix = DatagramPeer.unix(dir.path("v.sock"))) {
            String socket = "virtual:PARALLEL " + udp.socketString() + " " + unix.socketString();
            evi.subscribe("E_DEMO", socket, 600);
            subscribe(client, "E_DEMO", socket);
            assertThat(call(client, raise("E_DEMO", 20))).isEqualTo(ok(20));
            String bytes = "{\"jsonrpc\":\"2.0\",\"method\":\"E_DEMO\",\"params\":[\"karaf\"]}";
            assertThat(text(udp.receive(5000))).isEqualTo(bytes);
            assertThat(text(unix.receive(5000))).isEqualTo(bytes);

            transport.stop();
            assertThat(call(client, raise("E_DEMO", 21))).isEqualTo(ok(21));
            assertThat(text(unix.receive(5000))).as("the unix member is still served").isEqualTo(bytes);
            assertThat(evi.subscriber("E_DEMO", socket).orElseThrow().undelivered()).isEqualTo(1);

            transport.start();
            Await.until("delivery to the udp member resumes after start", () -> raisedAndReceived(client, udp));
            unsubscribe(client, "E_DEMO", socket);
        }
    }

    @Test
    public void aTransportBundleOfOurOwnCarriesEventsAndLeavesCleanly() throws Exception {
        Bundle custom = context.installBundle(System.getProperty(RELAY_BUNDLE_PROPERTY));
        custom.start();
        try (DatagramPeer client = DatagramPeer.udp(); DatagramPeer udp = DatagramPeer.udp()) {
            String relay = "relay:" + UdpPeer.address(udp.socketString()).getPort();
            Await.until("the relay transport serves subscriptions",
                    () -> ok(8).equals(call(client, subscribeRequest("E_DEMO", relay, 8))));
            assertThat(Mi.call(client, KarafRuntime.udpMi(), raise("E_DEMO", 9))).isEqualTo(ok(9));
            assertThat(text(udp.receive(5000)))
                    .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"E_DEMO\",\"params\":[\"karaf\"]}");

            custom.uninstall();
            assertThat(Mi.call(client, KarafRuntime.udpMi(), subscribeRequest("E_DEMO", "relay:1", 10))).isEqualTo(
                    "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":400,\"message\":\"Bad parameter value\"},\"id\":10}");
            unsubscribe(client, "E_DEMO", relay);
        }
    }

    /** Writes the relay transport bundle to a file and returns its URL. */
    private static String relayBundle() {
        Path jar = Paths.get("target", "relay-transport.jar").toAbsolutePath();
        try (InputStream bundle = TinyBundles.bundle()
                .setHeader(Constants.BUNDLE_MANIFESTVERSION, "2")
                .setHeader(Constants.BUNDLE_SYMBOLICNAME, "org.evi4j.itests.relay")
                .setHeader(Constants.BUNDLE_VERSION, "1.0.0")
                .setHeader(Constants.BUNDLE_ACTIVATOR, RelayTransport.Activator.class.getName())
                .setHeader(Constants.IMPORT_PACKAGE, "org.evi4j.spi,org.evi4j.api,org.osgi.framework")
                .addClass(RelayTransport.class)
                .addClass(RelayTransport.Activator.class)
                .addClass(RelayTransport.RelayDestination.class)
                .build(TinyBundles.rawBuilder())) {
            Files.copy(bundle, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return jar.toUri().toString();
    }

    private boolean raisedAndReceived(DatagramPeer client, DatagramPeer udp) {
        try {
            call(client, raise("E_DEMO", 11));
            return udp.receive(200) != null;
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName + " in " + List.of(context.getBundles()));
    }

    private void subscribe(DatagramPeer client, String event, String socket) throws IOException {
        assertThat(call(client, subscribeRequest(event, socket, 2))).isEqualTo(ok(2));
    }

    private void unsubscribe(DatagramPeer client, String event, String socket) throws IOException {
        assertThat(call(client, "{\"jsonrpc\":\"2.0\",\"method\":\"event_subscribe\",\"params\":[\"" + event
                + "\",\"" + socket + "\",0],\"id\":3}")).isEqualTo(ok(3));
    }

    private static String subscribeRequest(String event, String socket, int id) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"event_subscribe\",\"params\":[\"" + event + "\",\"" + socket
                + "\"],\"id\":" + id + "}";
    }

    private static String raise(String event, int id) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"raise_event\",\"params\":[\"" + event + "\",[\"karaf\"]],\"id\":"
                + id + "}";
    }

    private static String ok(int id) {
        return "{\"jsonrpc\":\"2.0\",\"result\":\"OK\",\"id\":" + id + "}";
    }

    private String call(DatagramPeer client, String request) {
        try {
            return Mi.call(client, KarafRuntime.udpMi(), request);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String text(byte[] datagram) {
        return datagram == null ? null : new String(datagram, StandardCharsets.UTF_8);
    }
}
