package org.evi4j.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.evi4j.api.Event;
import org.evi4j.api.EventInterface;
import org.evi4j.api.InvalidSubscriptionException;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.spi.EventTransport;
import org.evi4j.testkit.TcpListener;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.Configuration;

/**
 * Issue 15, the virtual transport in the full runtime, through the real core's Transports service: every policy over
 * real UDP and UNIX members, listings and look-ups as OpenSIPS shows them, refused members, failover_timeout from
 * ConfigAdmin, and a member transport bundle stopped and started under 10,000 events/s (no subscription lost, the
 * member counted undelivered meanwhile, delivery resumed within a second). Hook for more members: tcp and flatstore
 * subscribers are added the same way once their transports are in the runtime ({@link #members}).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class FelixVirtualIT extends InFullRuntime {

    private static final String EVENT = "E_IT_VIRTUAL";
    private static final Event RAISED = Event.builder(EVENT).param("n", 1).build();
    private static final String BYTES = "{\"jsonrpc\":\"2.0\",\"method\":\"E_IT_VIRTUAL\",\"params\":{\"n\":1}}";
    private static final double RESUME_MILLIS = 1000;

    private EventInterface evi;

    @Override
    @org.ops4j.pax.exam.Configuration
    public Option[] config() {
        List<String> bundles = new ArrayList<>(Arrays.asList(EviOptions.ALL));
        bundles.add("transport-virtual");
        return options(EviOptions.runtime(), EviOptions.evi4j(bundles.toArray(new String[0])));
    }

    @Before
    public void setUp() {
        Await.registered(context, EventTransport.class, "(" + EventTransport.SCHEME_PROPERTY + "=virtual)");
        evi = Await.service(context, EventInterface.class, null);
        evi.publish(EVENT);
    }

    /** The member sockets of a test's listeners (tcp and flatstore listeners join here when their bundles do). */
    private static String members(DatagramPeer... peers) {
        StringBuilder out = new StringBuilder();
        for (DatagramPeer p : peers) {
            out.append(' ').append(p.socketString());
        }
        return out.toString();
    }

    @Test
    public void parallelSendsEveryEventToEveryMemberAndIsListedAsOpenSipsListsIt() throws Exception {
        try (DatagramPeer udp = DatagramPeer.udp(); DatagramPeer unix = DatagramPeer.unix(temp.path("p.sock"))) {
            String missing = temp.path("missing.sock").toString();
            evi.subscribe(EVENT, "virtual:PARALLEL\t" + udp.socketString() + "  " + missing + members(unix) + " ");
            evi.raise(RAISED);
            assertThat(text(udp.receive(5000))).isEqualTo(BYTES);
            assertThat(text(unix.receive(5000))).as("past the failing member").isEqualTo(BYTES);

            String listed = "virtual:PARALLEL " + udp.socketString() + " unix:" + missing + " "
                    + unix.socketString() + " ";
            assertThat(evi.subscribers(EVENT)).extracting(SubscriberInfo::socket).containsExactly(listed);
            SubscriberInfo s = evi.subscribers(EVENT).get(0);
            assertThat(s.sent()).as("%s", s).isEqualTo(2);
            assertThat(s.failed()).as("%s", s).isEqualTo(1);
            assertThat(s.lastError()).startsWith("member unix:" + missing + ": ");

            String reordered = "virtual:PARALLEL " + unix.socketString() + " " + udp.socketString() + " unix:" + missing;
            evi.subscribe(EVENT, reordered, 100);
            assertThat(evi.subscribers(EVENT)).as("members in any order refresh the subscriber")
                    .extracting(SubscriberInfo::socket, SubscriberInfo::expire).containsExactly(
                            org.assertj.core.groups.Tuple.tuple(listed, 100));
            assertThat(evi.unsubscribe(EVENT, reordered)).isTrue();
            assertThat(evi.subscribers(EVENT)).isEmpty();
        }
    }

    @Test
    public void failoverSkipsAFailedMemberForFailoverTimeoutThenUsesItAgain() throws Exception {
        Configuration config = configurationAdmin.getConfiguration("org.evi4j.transport.virtual", "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("failover_timeout", 1);
        config.update(props);
        try (DatagramPeer udp = DatagramPeer.udp()) {
            java.nio.file.Path first = temp.path("first.sock");
            evi.subscribe(EVENT, "virtual:FAILOVER unix:" + first + members(udp));
            evi.raise(RAISED);
            assertThat(text(udp.receive(5000))).isEqualTo(BYTES);
            try (DatagramPeer unix = DatagramPeer.unix(first)) {
                Await.until("the first member used again once it works and its failure is over 1 s old",
                        () -> raisedAndReceived(unix));
            }
        } finally {
            config.delete();
        }
    }

    @Test
    public void tcpMembersGetTheSameBytesAndARefusedTcpConnectionMakesFailoverMoveOn() throws Exception {
        Await.registered(context, EventTransport.class, "(" + EventTransport.SCHEME_PROPERTY + "=tcp)");
        try (TcpListener listener = new TcpListener(TcpListener.Mode.READ); DatagramPeer udp = DatagramPeer.udp()) {
            evi.subscribe(EVENT, "virtual:PARALLEL tcp:" + listener.address() + " " + udp.socketString(), 60);
            evi.raise(RAISED);
            assertThat(text(udp.receive(5000))).isEqualTo(BYTES);
            Await.until("the event on the TCP member's connection", () -> listener.allText().equals(BYTES));
            assertThat(evi.unsubscribe(EVENT, "virtual:PARALLEL " + udp.socketString() + " tcp:"
                    + listener.address())).isTrue();
        }
        String down;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            down = "tcp:127.0.0.1:" + probe.getLocalPort();
        }
        try (DatagramPeer udp = DatagramPeer.udp()) {
            evi.subscribe(EVENT, "virtual:FAILOVER " + down + " " + udp.socketString(), 60);
            Await.until("events reach the udp member once the tcp member's connection is refused",
                    () -> raisedAndReceived(udp));
        }
    }

    @Test
    public void roundRobinPassesAFailingMembersTurnToTheNext() throws Exception {
        try (DatagramPeer a = DatagramPeer.udp(); DatagramPeer b = DatagramPeer.udp()) {
            evi.subscribe(EVENT, "virtual:ROUND-ROBIN " + a.socketString() + " " + temp.path("gone.sock") + " "
                    + b.socketString());
            for (int i = 0; i < 6; i++) {
                evi.raise(RAISED);
            }
            int got = 0;
            for (DatagramPeer p : new DatagramPeer[] {a, b}) {
                for (int i = 0; i < 3; i++) {
                    assertThat(text(p.receive(5000))).as("event %d at %s", i, p.socketString()).isEqualTo(BYTES);
                    got++;
                }
            }
            assertThat(got).as("no event lost to the failing member").isEqualTo(6);
        }
    }

    @Test
    public void membersAreCheckedAsSubscribersAreAndTheVectorsRefusalsKeepOpenSipsTexts() {
        assertThatThrownBy(() -> evi.subscribe(EVENT, "virtual:PARALLEL udp:127.0.0.1"))
                .isInstanceOf(InvalidSubscriptionException.class);
        assertThatThrownBy(() -> evi.subscribe(EVENT, "virtual:FAILOVER udp:10.20.30.40:9"))
                .isInstanceOf(InvalidSubscriptionException.class).hasMessageContaining("allowed_destinations");
        assertThatThrownBy(() -> evi.subscribe(EVENT, "virtual:parallel udp:127.0.0.1:9"))
                .hasMessage("invalid virtual socket type");
        assertThatThrownBy(() -> evi.subscribe(EVENT, "virtual:")).hasMessage("no socket specified");
        assertThat(evi.subscribers(EVENT)).isEmpty();
    }

    @Test
    public void aMemberTransportStoppedAndStartedUnderLoadLosesNoSubscriptionAndResumesWithinOneSecond()
            throws Exception {
        try (DatagramPeer udp = DatagramPeer.udp(); DatagramPeer unix = DatagramPeer.unix(temp.path("l.sock"));
                PeerDrain udpDrain = PeerDrain.start(udp, "udp"); PeerDrain unixDrain = PeerDrain.start(unix, "unix")) {
            String socket = "virtual:PARALLEL " + udp.socketString() + " " + unix.socketString();
            evi.subscribe(EVENT, socket, 600);
            Bundle udpTransport = bundle("org.evi4j.transport-udp");
            try (PacedProducer producer = PacedProducer.start(evi, RAISED, 10_000, 30_000)) {
                Await.until("delivery to both members under load",
                        () -> udpDrain.received() > 1000 && unixDrain.received() > 1000);
                long undelivered = subscriber(socket).undelivered();
                udpTransport.stop();
                Await.until("the udp member counted undelivered while its transport is stopped",
                        () -> subscriber(socket).undelivered() >= undelivered + 100);
                long unixBefore = unixDrain.received();
                Await.until("the unix member still served", () -> unixDrain.received() > unixBefore + 100);

                udpDrain.mark();
                udpTransport.start();
                Await.until("delivery to the udp member after its transport's start", udpDrain::receivedSinceMark);
                System.out.printf("virtual member transport start: next event after %.1f ms%n",
                        udpDrain.millisToFirstAfterMark());
                assertThat(udpDrain.millisToFirstAfterMark()).as("ms from the start to the next event")
                        .isLessThanOrEqualTo(RESUME_MILLIS);
                assertThat(producer.thrown()).as("what raise threw").isNull();
            }
            assertThat(evi.subscribers(EVENT)).extracting(SubscriberInfo::socket).containsExactly(socket);
        }
    }

    @Test
    public void theVirtualTransportUpdatedKeepsItsSubscribersAndDeliversAgain() throws Exception {
        try (DatagramPeer udp = DatagramPeer.udp()) {
            String socket = "virtual:FAILOVER " + udp.socketString();
            evi.subscribe(EVENT, socket, 600);
            bundle("org.evi4j.transport-virtual").update();
            Await.registered(context, EventTransport.class, "(" + EventTransport.SCHEME_PROPERTY + "=virtual)");
            Await.until("delivery through the updated virtual transport", () -> raisedAndReceived(udp));
            assertThat(evi.subscribers(EVENT)).extracting(SubscriberInfo::socket).containsExactly(socket);
        }
    }

    /** Raises one event; whether it reached the peer within 50 ms. */
    private boolean raisedAndReceived(DatagramPeer peer) {
        evi.raise(RAISED);
        try {
            return peer.receive(50) != null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String text(byte[] datagram) {
        return datagram == null ? null : new String(datagram, StandardCharsets.UTF_8);
    }

    private SubscriberInfo subscriber(String socket) {
        return evi.subscriber(EVENT, socket).orElseThrow(() -> new AssertionError("no subscriber " + socket
                + " in " + evi.subscribers(EVENT)));
    }

    private Bundle bundle(String symbolicName) {
        return FullRuntime.bundle(context, symbolicName);
    }
}
