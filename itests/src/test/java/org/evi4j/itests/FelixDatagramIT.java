package org.evi4j.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.inject.Inject;

import org.evi4j.api.EventInterface;
import org.evi4j.spi.EventEncoder;
import org.evi4j.spi.EventTransport;
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
import org.osgi.framework.BundleContext;

/**
 * Issue 3 in a real Felix: core, both encoders and both transports. Every event vector is raised through the
 * EventInterface service and must reach a UDP listener on 127.0.0.1 and a UNIX listener (junixsocket, from the
 * transport-unix bundle's export) byte for byte.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FelixDatagramIT {

    private static final int RECEIVE_MILLIS = 5_000;
    private static final int QUIET_MILLIS = 200;

    @Inject
    private BundleContext context;

    @Inject
    private EventInterface evi;

    private TempSockets temp;
    private DatagramPeer udp;
    private DatagramPeer unix;

    @Configuration
    public Option[] config() {
        return options(EviOptions.runtime(), EviOptions.evi4j("api", "core", "encoder-jsonrpc", "encoder-legacy",
                "transport-udp", "transport-unix"));
    }

    @Before
    public void setUp() throws IOException {
        for (String scheme : List.of("udp", "unix")) {
            Await.registered(context, EventTransport.class, "(" + EventTransport.SCHEME_PROPERTY + "=" + scheme + ")");
        }
        for (String name : List.of("jsonrpc", "legacy")) {
            Await.registered(context, EventEncoder.class, "(" + EventEncoder.NAME_PROPERTY + "=" + name + ")");
        }
        temp = new TempSockets();
        udp = DatagramPeer.udp();
        unix = DatagramPeer.unix(temp.path("ev.sock"));
    }

    @After
    public void tearDown() throws IOException {
        if (udp != null) {
            udp.close();
        }
        if (unix != null) {
            unix.close();
        }
        if (temp != null) {
            temp.close();
        }
    }

    @Test
    public void jsonrpcVectorsArriveByteExactOverUdpAndUnix() throws IOException {
        assertThat(deliverAll("events-jsonrpc.json", "")).isEmpty();
    }

    @Test
    public void legacyVectorsArriveByteExactForSubscribersThatChoseLegacy() throws IOException {
        assertThat(deliverAll("events-legacy.json", ";encoder=legacy")).isEmpty();
    }

    @Test
    public void subscribersOfOneEventGetTheirOwnEncoding() throws IOException {
        Vectors.EventCase json = Vectors.eventCases("events-jsonrpc.json").get(0);
        Vectors.EventCase legacy = Vectors.eventCases("events-legacy.json").get(0);
        assertThat(legacy.event()).isEqualTo(json.event());
        String event = json.event().name();
        evi.publish(event);
        evi.subscribe(event, udp.socketString(), 60);
        evi.subscribe(event, unix.socketString() + ";encoder=legacy", 60);
        try {
            assertThat(evi.raise(json.event())).isEqualTo(2);

            assertThat(Texts.show(udp.receive(RECEIVE_MILLIS))).isEqualTo(Texts.show(json.expected()));
            assertThat(Texts.show(unix.receive(RECEIVE_MILLIS))).isEqualTo(Texts.show(legacy.expected()));
            assertThat(evi.subscribers(event)).extracting(s -> s.socket())
                    .containsExactly(unix.socketString() + ";encoder=legacy", udp.socketString());
        } finally {
            evi.unsubscribe(event, udp.socketString());
            evi.unsubscribe(event, unix.socketString());
        }
        assertQuiet();
    }

    /** Raises every case of a vector file to both listeners; returns what went wrong, one line per problem. */
    private List<String> deliverAll(String vectorFile, String socketSuffix) throws IOException {
        List<String> failures = new ArrayList<>();
        for (Vectors.EventCase c : Vectors.eventCases(vectorFile)) {
            String event = c.event().name();
            evi.publish(event);
            for (DatagramPeer listener : Arrays.asList(udp, unix)) {
                evi.subscribe(event, listener.socketString() + socketSuffix, 60);
            }
            try {
                int handed = evi.raise(c.event());
                if (handed != 2) {
                    failures.add(c.id() + ": raise handed the event to " + handed + " subscribers, expected 2");
                }
                for (DatagramPeer listener : Arrays.asList(udp, unix)) {
                    byte[] got = listener.receive(RECEIVE_MILLIS);
                    if (!Arrays.equals(got, c.expected())) {
                        failures.add(c.id() + " @" + listener + ": expected " + Texts.show(c.expected())
                                + " got " + Texts.show(got));
                    }
                }
            } finally {
                for (DatagramPeer listener : Arrays.asList(udp, unix)) {
                    evi.unsubscribe(event, listener.socketString());
                }
            }
        }
        assertQuiet();
        return failures;
    }

    private void assertQuiet() throws IOException {
        assertThat(Texts.show(udp.receive(QUIET_MILLIS))).as("stray datagram on UDP").isEqualTo("<none>");
        assertThat(Texts.show(unix.receive(QUIET_MILLIS))).as("stray datagram on UNIX").isEqualTo("<none>");
    }
}
