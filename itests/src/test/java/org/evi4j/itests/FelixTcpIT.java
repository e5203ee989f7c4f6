package org.evi4j.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.evi4j.api.Event;
import org.evi4j.api.EventInterface;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.spi.EventTransport;
import org.evi4j.testkit.TcpListener;
import org.evi4j.testkit.Vectors;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 15, part 1, in the full Felix runtime: {@code tcp:} subscribers made over an MI datagram socket, events
 * raised through the product, and the bytes a real TCP listener on 127.0.0.1 reads compared with
 * {@code transports-stream.json}; the socket syntax answered over MI as OpenSIPS answers it; reliable mode and
 * {@code event_param} set through ConfigAdmin; the transport bundle stopped and started under traffic.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FelixTcpIT extends InFullRuntime {

    private static final String PID = "org.evi4j.transport.tcp";
    private static final String BUNDLE = "org.evi4j.transport-tcp";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode VECTORS = Vectors.load("transports-stream.json");
    private static final List<String> EVENTS = List.of("E_MY_CUSTOM", "E_MY_ARRAY", "E_MY_NOPARAM");

    private EventInterface evi;
    private MiServer mi;
    private DatagramPeer client;
    private int requestId = 100;

    @Before
    public void setUp() throws IOException {
        Await.registered(context, EventTransport.class, "(" + EventTransport.SCHEME_PROPERTY + "=tcp)");
        evi = Await.service(context, EventInterface.class, null);
        EVENTS.forEach(evi::publish);
        mi = MiServer.start(configurationAdmin, MiServer.freeUdpSocketName());
        client = DatagramPeer.udp();
        mi.awaitAnswer(client);
    }

    @After
    public void tearDown() throws IOException {
        for (String event : EVENTS) {
            for (SubscriberInfo s : evi.subscribers(event)) {
                evi.unsubscribe(event, s.socket());
            }
        }
        configure("0");
        if (client != null) {
            client.close();
        }
        if (mi != null) {
            mi.close();
        }
    }

    @Test
    public void everyPayloadVectorArrivesByteForByte() throws Exception {
        for (JsonNode vector : VECTORS.get("payloads")) {
            if (!vector.get("profile").asText().equals("default")) {
                continue;
            }
            String id = vector.get("id").asText();
            try (TcpListener listener = new TcpListener(TcpListener.Mode.READ)) {
                String event = vector.get("event").asText();
                String socket = "tcp:" + listener.addressFor(vector.get("socket").asText());
                assertThat(mi("event_subscribe", "\"" + event + "\",\"" + socket + "\"")).as(id).contains("\"OK\"");
                if (id.equals("mi-json-object-string")) {
                    assertThat(mi("raise_event", "\"" + event + "\",\"{\\\"ip\\\":\\\"192.168.2.11\\\","
                            + "\\\"count\\\":3}\"")).contains("\"OK\"");
                } else {
                    evi.raise(Vectors.event(vector));
                }
                String expected = Vectors.intendedText(vector);
                Await.until(id + " at the listener", () -> listener.allText().length() >= expected.length());
                assertThat(listener.allText()).as(id).isEqualTo(expected);
                assertThat(mi("event_subscribe", "\"" + event + "\",\"" + socket + "\",0")).contains("\"OK\"");
            }
        }
    }

    @Test
    public void reliableModeWithEventParamFromConfigAdmin() throws Exception {
        configure("yes");
        try (TcpListener listener = new TcpListener(TcpListener.Mode.REPLY)) {
            StringBuilder expected = new StringBuilder();
            int id = 0;
            for (JsonNode vector : VECTORS.get("payloads")) {
                if (vector.get("profile").asText().equals("alt")) {
                    String event = vector.get("event").asText();
                    String socket = "tcp:" + listener.addressFor(vector.get("socket").asText());
                    assertThat(mi("event_subscribe", "\"" + event + "\",\"" + socket + "\"")).contains("\"OK\"");
                    evi.raise(Vectors.event(vector));
                    expected.append(Vectors.intendedText(vector)
                            .replaceFirst("^\\{\"id\":\\d+,", "{\"id\":" + ++id + ","));
                }
            }
            Await.until("the requests at the listener", () -> listener.allText().length() >= expected.length());
            assertThat(listener.allText()).isEqualTo(expected.toString());
            assertThat(listener.connections).as("one connection to ip:port, whatever the method").hasSize(1);
            Await.until("every reply counted as delivered", () -> EVENTS.stream()
                    .flatMap(e -> evi.subscribers(e).stream()).mapToLong(SubscriberInfo::delivered).sum() == 3);
        }
    }

    @Test
    public void socketSyntaxIsAnsweredOverMiAsOpenSipsAnswers() throws Exception {
        for (JsonNode step : VECTORS.get("sequences").get(1).get("steps")) {
            String request = step.get("request").asText();
            if (!JSON.readTree(request).get("method").asText().equals("event_subscribe")) {
                break;
            }
            assertThat(mi(request)).as(request).isEqualTo(step.get("reply").asText());
        }
        List<String> listed = new ArrayList<>();
        JsonNode listing = JSON.readTree(mi("subscribers_list", "\"E_MY_NOPARAM\"")).get("result").get("Event");
        listing.get("Subscribers").forEach(s -> listed.add(s.get("socket").asText()));
        List<String> expected = new ArrayList<>();
        VECTORS.get("sockets").get("valid").forEach(v -> expected.add(0, v.get("listed_as").asText()));
        assertThat(listed).isEqualTo(expected);
        // OpenSIPS #4169 not copied: a socket with a method is refreshed and found like any other
        assertThat(mi("event_subscribe", "\"E_MY_NOPARAM\",\"tcp:127.0.0.1:9609/my_method\",30")).contains("\"OK\"");
        assertThat(evi.subscribers("E_MY_NOPARAM")).hasSize(expected.size());
        assertThat(mi("subscribers_list", "\"E_MY_NOPARAM\",\"tcp:127.0.0.1:9609/my_method\""))
                .contains("\"socket\":\"tcp:127.0.0.1:9609/my_method\",\"expire\":30");
    }

    @Test
    public void theTransportBundleStoppedAndStartedUnderTrafficKeepsTheSubscription() throws Exception {
        Bundle transport = bundle(BUNDLE);
        try (TcpListener listener = new TcpListener(TcpListener.Mode.READ)) {
            String socket = "tcp:" + listener.address();
            assertThat(mi("event_subscribe", "\"E_MY_NOPARAM\",\"" + socket + "\"")).contains("\"OK\"");
            Event event = Event.of("E_MY_NOPARAM");
            try (PacedProducer producer = PacedProducer.start(evi, event, 2000, 60_000)) {
                Await.until("delivery under load", () -> listener.allText().length() > 1000);
                transport.stop();
                Await.until("no sender thread left", () -> senderThreads() == 0);
                long undelivered = subscriber(socket).undelivered();
                Await.until("events counted undelivered while the transport is stopped",
                        () -> subscriber(socket).undelivered() >= undelivered + 100);
                transport.start();
                Await.until("delivery on a new connection after the start", () -> listener.connections.size() == 2
                        && listener.connections.get(1).text().length() > 1000);
                assertThat(producer.thrown()).isNull();
            }
            assertThat(evi.subscribers("E_MY_NOPARAM")).extracting(SubscriberInfo::socket).containsExactly(socket);
            String notification = "{\"jsonrpc\":\"2.0\",\"method\":\"E_MY_NOPARAM\"}";
            for (TcpListener.Conn conn : listener.connections) {
                assertThat(conn.text().replace(notification, "")).as("whole events only").isEmpty();
            }
        }
    }

    private static long senderThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("evi4j-tcp-sender")).count();
    }

    /** Sets reliable mode and event_param: "yes" and "event" as the vectors' "alt" profile, "0" and none. */
    private void configure(String reliable) throws IOException {
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration(PID, null);
        Dictionary<String, Object> current = configuration.getProperties();
        if (current == null ? reliable.equals("0") : reliable.equals(current.get("reliable_mode"))) {
            return;
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("reliable_mode", reliable);
        properties.put("event_param", reliable.equals("0") ? "" : "event");
        configuration.update(properties);
        Await.registered(context, EventTransport.class, "(&(evi.transport=tcp)(reliable_mode=" + reliable + "))");
    }

    private String mi(String method, String params) throws IOException {
        return mi("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":[" + params + "],\"id\":"
                + ++requestId + "}");
    }

    private String mi(String request) throws IOException {
        return Mi.call(client, mi.socketName(), request);
    }

    private SubscriberInfo subscriber(String socket) {
        return evi.subscriber("E_MY_NOPARAM", socket)
                .orElseThrow(() -> new AssertionError("no subscriber " + socket));
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }
}
