package org.evi4j.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ops4j.pax.exam.CoreOptions.maven;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.evi4j.api.Event;
import org.evi4j.api.EventInterface;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.KarafDistributionOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * The Karaf extras in a real Karaf: the EventAdmin bridge both ways, the {@code evi:*} shell commands, and the
 * statistics MBeans.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KarafExtrasIT {

    @Inject
    private BundleContext context;

    @Inject
    private FeaturesService features;

    @Inject
    private ConfigurationAdmin cm;

    @Inject
    private EventAdmin eventAdmin;

    /** Installed at boot, before the test's probe: its lambdas name evi4j types the probe must see at once. */
    private static final String[] FEATURES = {"evi4j", "evi4j-eventadmin", "evi4j-shell", "evi4j-http",
        "evi4j-webconsole"};

    @Configuration
    public Option[] config() {
        return KarafRuntime.options(KarafDistributionOption.features(maven("org.evi4j", "features")
                .version(System.getProperty("evi4j.version")).classifier("features").type("xml"), FEATURES),
                // a Karaf user for the JAAS case of the HTTP guard
                KarafDistributionOption.editConfigurationFilePut("etc/users.properties", "evi", "s3cret,_g_:admingroup"));
    }

    @Before
    public void install() throws Exception {
        KarafRuntime.install(features, context, FEATURES);
    }

    @Test
    public void anEventAdminEventIsBridgedToAUdpReceiver() throws Exception {
        EventInterface evi = Await.service(context, EventInterface.class, null);
        org.osgi.service.cm.Configuration mapping = cm.getFactoryConfiguration("org.evi4j.eventadmin.bridge", "acme",
                "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("event.topics", "com/acme/call/*");
        properties.put("event_name", "E_ACME_CALL");
        mapping.update(properties);
        Await.until("the mapping publishes its event", () -> evi.event("E_ACME_CALL").isPresent());
        try (DatagramPeer udp = DatagramPeer.udp()) {
            evi.subscribe("E_ACME_CALL", udp.socketString(), 60);
            eventAdmin.postEvent(new org.osgi.service.event.Event("com/acme/call/started",
                    Map.of("caller", "alice", "n", 7)));
            // properties in name order; Karaf's EventAdmin adds a "timestamp" (a long: beyond int, so a string)
            assertThat(text(udp.receive(5000))).matches(
                    "\\{\"jsonrpc\":\"2\\.0\",\"method\":\"E_ACME_CALL\",\"params\":\\{\"caller\":\"alice\",\"n\":7"
                            + "(,\"timestamp\":\"\\d+\")?\\}\\}");
        } finally {
            mapping.delete();
        }
    }

    @Test
    public void raisedEventsArePostedToEventAdminOnce() throws Exception {
        EventInterface evi = Await.service(context, EventInterface.class, null);
        List<org.osgi.service.event.Event> seen = new CopyOnWriteArrayList<>();
        Dictionary<String, Object> topic = new Hashtable<>();
        topic.put(EventConstants.EVENT_TOPIC, "org/evi4j/E_DEMO");
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, seen::add, topic);
        try {
            Await.until("the bridge posts E_DEMO", () -> {
                evi.raise(Event.builder("E_DEMO").param("who", "karaf").build());
                return !seen.isEmpty();
            });
            org.osgi.service.event.Event posted = seen.get(0);
            assertThat(posted.getProperty("who")).isEqualTo("karaf");
            assertThat(posted.getProperty("evi4j.bridged")).isEqualTo(Boolean.TRUE);
        } finally {
            handler.unregister();
        }
    }

    @Test
    public void shellCommandsDriveTheEventInterface() throws Exception {
        try (DatagramPeer udp = DatagramPeer.udp()) {
            assertThat(shell("evi:events")).contains("E_DEMO");
            shell("evi:subscribe E_DEMO " + udp.socketString() + " 60");
            assertThat(shell("evi:subscribers E_DEMO")).contains(udp.socketString());
            shell("evi:raise E_DEMO caller=bob");
            assertThat(text(udp.receive(5000)))
                    .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"E_DEMO\",\"params\":{\"caller\":\"bob\"}}");
            assertThat(shell("evi:stats")).contains("E_DEMO");
            assertThat(shell("evi:mi version")).contains("evi4j (");
            shell("evi:subscribe E_DEMO " + udp.socketString() + " 0");
            assertThat(shell("evi:subscribers E_DEMO")).doesNotContain(udp.socketString());
        }
    }

    @Test
    public void statisticsAreReadableInJmx() throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        EventInterface evi = Await.service(context, EventInterface.class, null);
        try (DatagramPeer udp = DatagramPeer.udp(); DatagramPeer client = DatagramPeer.udp()) {
            evi.subscribe("E_DEMO", udp.socketString(), 60);
            ObjectName events = new ObjectName("org.evi4j:type=EventInterface");
            long before = (Long) jmx.getAttribute(events, "TotalSent");
            evi.raise(Event.of("E_DEMO"));
            assertThat((Long) jmx.getAttribute(events, "TotalSent")).isEqualTo(before + 1);

            Mi.call(client, KarafRuntime.udpMi(), "{\"jsonrpc\":\"2.0\",\"method\":\"uptime\",\"id\":1}");
            ObjectName mi = new ObjectName("org.evi4j:type=MiDatagram,socket="
                    + ObjectName.quote(KarafRuntime.udpMi()));
            assertThat((Long) jmx.getAttribute(mi, "Requests")).isPositive();
            evi.unsubscribe("E_DEMO", udp.socketString());
        }
    }

    /**
     * evi4j-http on Pax Web: the MI over HTTP and /metrics answer on the whiteboard (moved to a free port through
     * org.ops4j.pax.web, as a user would), and the guard checks basic auth against Karaf's JAAS realm.
     */
    @Test
    public void miAndMetricsOverHttpOnPaxWeb() throws Exception {
        int port = KarafRuntime.freePort();
        org.osgi.service.cm.Configuration web = cm.getConfiguration("org.ops4j.pax.web", null);
        Dictionary<String, Object> webProperties = web.getProperties();
        webProperties.put("org.osgi.service.http.port", Integer.toString(port));
        webProperties.put("org.ops4j.pax.web.listening.addresses", "127.0.0.1");
        web.update(webProperties);
        java.net.URI mi = java.net.URI.create("http://127.0.0.1:" + port + "/mi");
        // Pax Web restarts Jetty on the change (G22): retry until it answers
        Await.until("POST /mi on Pax Web", () -> httpStatus(mi, null, "application/json", null) == 200);
        assertThat(http(mi, null, "application/json", null).body()).matches(
                "\\{\"jsonrpc\":\"2\\.0\",\"result\":\\{\"Server\":\"evi4j \\([^\"]*\\)\"\\},\"id\":1\\}");
        assertThat(httpStatus(mi, "http://evil.example", "application/json", null)).isEqualTo(403);
        String metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                mi.resolve("/metrics")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("evi4j_mi_requests_total{socket=\"http:/mi\"}",
                "evi4j_events_raised_total{event=\"E_DEMO\"}");
        webConsoleOnPaxWeb(mi);

        org.osgi.service.cm.Configuration guard = cm.getConfiguration("org.evi4j.http", "?");
        guard.update(new Hashtable<>(Map.of("jaas_realm", "karaf")));
        try {
            Await.until("authentication on", () -> httpStatus(mi, null, "application/json", null) == 401);
            assertThat(httpStatus(mi, null, "application/json", "evi:wrong")).isEqualTo(401);
            assertThat(httpStatus(mi, null, "application/json", "evi:s3cret")).isEqualTo(200);
        } finally {
            guard.delete();
        }
    }

    /**
     * evi4j-webconsole on Pax Web: / lands on the console, its state and live tail answer, and the MI takes a POST
     * from the console's own origin (a page elsewhere got 403 above).
     */
    private static void webConsoleOnPaxWeb(java.net.URI mi) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> page = client.send(java.net.http.HttpRequest.newBuilder(mi.resolve("/"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>evi4j console</title>", "/console/console.js");
        assertThat(client.send(java.net.http.HttpRequest.newBuilder(mi.resolve("/console/state")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body()).contains("{\"name\":\"E_DEMO\"");
        java.net.http.HttpResponse<java.io.InputStream> tail = client.send(java.net.http.HttpRequest.newBuilder(
                mi.resolve("/console/events")).build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream stream = tail.body()) {
            assertThat(tail.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("text/event-stream"));
            assertThat(new String(stream.readNBytes(11), StandardCharsets.US_ASCII)).isEqualTo("retry: 2000");
        }
        assertThat(httpStatus(mi, "http://127.0.0.1:" + mi.getPort(), "application/json", null)).isEqualTo(200);
    }

    private static int httpStatus(java.net.URI uri, String origin, String type, String credentials) {
        try {
            return http(uri, origin, type, credentials).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static java.net.http.HttpResponse<String> http(java.net.URI uri, String origin, String type,
            String credentials) throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(uri)
                .timeout(java.time.Duration.ofSeconds(5)).header("Content-Type", type)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(MiServer.VERSION_REQUEST));
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (credentials != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                    credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private String shell(String command) throws Exception {
        SessionFactory sessions = Await.service(context, SessionFactory.class, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            Session session = sessions.create(new ByteArrayInputStream(new byte[0]), print, print);
            Object result = session.execute(command);
            if (result != null) {
                print.println(result);
            }
            session.close();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String text(byte[] datagram) {
        return datagram == null ? null : new String(datagram, StandardCharsets.UTF_8);
    }
}
