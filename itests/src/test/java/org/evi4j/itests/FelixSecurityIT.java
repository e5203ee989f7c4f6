package org.evi4j.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.evi4j.api.EventInterface;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Issue #17 replayed in a real Felix through the UDP MI, with the core's default configuration: a private UNIX
 * socket never receives anything, spellings of one listener are one subscriber, a password never comes back in a
 * reply, a huge expire is refused, and 1 000 subscribers leave {@code subscribers_list} usable.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FelixSecurityIT extends InFullRuntime {

    private static final String EVENT = "E_SEC";
    private static final String CANARY = "CANARY-5eC";
    private static final int QUIET_MILLIS = 300;

    @Inject
    EventInterface evi;

    private MiServer server;
    private DatagramPeer client;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @Before
    public void setUp() throws IOException {
        evi.publish(EVENT);
        server = MiServer.start(configurationAdmin, MiServer.freeUdpSocketName());
        client = DatagramPeer.udp();
        server.awaitAnswer(client);
    }

    @After
    public void tearDown() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        client.close();
        server.close();
    }

    private String mi(String method, String params) throws IOException {
        return Mi.call(client, server.socketName(),
                "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + ",\"id\":1}");
    }

    private String subscribe(String socket) throws IOException {
        return mi("event_subscribe", "[\"" + EVENT + "\",\"" + socket + "\",60]");
    }

    private <T extends AutoCloseable> T closeLater(T c) {
        closing.add(c);
        return c;
    }

    @Test
    public void aPrivateSocketOutsideTheAllowedFolderReceivesNothingWhateverTheSpelling() throws Exception {
        Path secret = Files.createTempDirectory(Paths.get("/tmp"), "evi-private");
        closeLater(() -> Files.walk(secret).sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete()));
        DatagramPeer victim = closeLater(DatagramPeer.unix(secret.resolve("p.sock")));
        Files.createSymbolicLink(temp.path("door"), secret);
        Files.createSymbolicLink(temp.path("log.sock"), secret.resolve("p.sock"));
        for (String socket : List.of(victim.socketString(), victim.socketString() + ";encoder=legacy",
                "unix:" + temp.path("door") + "/p.sock", "unix:" + temp.path("log.sock"),
                "unix:" + temp.path("..") + "/../" + secret.getFileName() + "/p.sock")) {
            assertThat(subscribe(socket)).as(socket).contains("\"code\":400");
        }
        mi("raise_event", "[\"" + EVENT + "\",{\"x\":\"\\nSTOPPING=1\\nMAINPID=1\\n\"}]");
        assertThat(victim.receive(QUIET_MILLIS)).isNull();
    }

    @Test
    public void spellingsOfOneListenerAreOneSubscriberAndGetOneDatagram() throws Exception {
        DatagramPeer udp = closeLater(DatagramPeer.udp());
        DatagramPeer unix = closeLater(DatagramPeer.unix(temp.path("l.sock")));
        String port = udp.socketString().substring(udp.socketString().lastIndexOf(':') + 1);
        List<String> spellings = new ArrayList<>(List.of("udp:127.0.0.1:" + port, "udp:[::ffff:127.0.0.1]:" + port,
                "udp:[0:00:000:0000:0:ffff:7f00:1]:" + port, "udp:127.1:" + port, "unix:" + temp.path("l.sock"),
                "unix:" + temp.path(".") + "//l.sock", "unix:" + temp.path("./././l.sock"),
                temp.path("l.sock").toString()));
        if (InetAddress.getByName("localhost").getHostAddress().equals("127.0.0.1")) {
            spellings.add("udp:localhost:" + port);
        }
        for (String socket : spellings) {
            assertThat(subscribe(socket)).as(socket).contains("\"result\":\"OK\"");
        }
        String listing = mi("subscribers_list", "[\"" + EVENT + "\"]");
        assertThat(listing.split("\"socket\"", -1)).as(listing).hasSize(3);
        mi("raise_event", "[\"" + EVENT + "\"]");
        assertThat(udp.receive(5_000)).isNotNull();
        assertThat(unix.receive(5_000)).isNotNull();
        assertThat(udp.receive(QUIET_MILLIS)).as("one datagram, not one per spelling").isNull();
        assertThat(unix.receive(QUIET_MILLIS)).isNull();
        for (String socket : List.of(spellings.get(0), spellings.get(4))) {
            mi("event_subscribe", "[\"" + EVENT + "\",\"" + socket + "\",0]");
        }
    }

    @Test
    public void aPasswordNeverComesBackAndAHugeExpireIsRefused() throws IOException {
        List<String> replies = new ArrayList<>();
        replies.add(subscribe("nosuch:evi:" + CANARY + "@127.0.0.1/k"));
        replies.add(subscribe("udp:evi:" + CANARY + "@127.0.0.1:1"));
        replies.add(mi("subscribers_list", "[\"" + EVENT + "\",\"nosuch:evi:" + CANARY + "@127.0.0.1/k\"]"));
        replies.add(mi("subscribers_list", "[]"));
        replies.add(mi("arg", "[]"));
        assertThat(String.join("\n", replies)).doesNotContain(CANARY);
        assertThat(mi("event_subscribe", "[\"" + EVENT + "\",\"udp:127.0.0.1:9\",1e300]")).contains("\"code\":400");
        assertThat(mi("event_subscribe", "[\"" + EVENT + "\",\"udp:127.0.0.1:9\",86401]")).contains("\"code\":400");
    }

    @Test
    public void aThousandSubscribersLeaveSubscribersListUsable() throws IOException {
        evi.publish("E_BIG");
        for (int i = 0; i < 1000; i++) {
            evi.subscribe("E_BIG", "unix:" + temp.path(String.format("%04d-%s.sock", i, "p".repeat(60))), 600);
        }
        try {
            String first = mi("subscribers_list", "[\"E_BIG\"]");
            assertThat(first).contains("\"Omitted\":").doesNotContain("Reply too large");
            assertThat(first.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(EventInterface.MAX_DATAGRAM);
            String page = mi("subscribers_list", "{\"event\":\"E_BIG\",\"offset\":990,\"limit\":100}");
            assertThat(page.split("\"socket\"", -1)).hasSize(11);
            assertThat(mi("subscribers_list", "[]")).contains("\"Omitted\":").doesNotContain("Reply too large");
        } finally {
            for (int i = 0; i < 1000; i++) {
                evi.unsubscribe("E_BIG", "unix:" + temp.path(String.format("%04d-%s.sock", i, "p".repeat(60))));
            }
        }
    }
}
