package org.evi4j.transport.virtual.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.evi4j.api.Event;
import org.evi4j.spi.Destination;
import org.evi4j.spi.SendResult;
import org.evi4j.testkit.RecordingReport;
import org.evi4j.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policies beyond the vectors, over real UDP and UNIX listeners: counting, asynchronous failures, members
 * whose transport goes away, and the OpenSIPS crashes that must not happen here.
 */
class VirtualPoliciesTest {

    private static final Event E = Event.builder("E_V").param("n", "x").build();
    private static final String BYTES = "{\"jsonrpc\":\"2.0\",\"method\":\"E_V\",\"params\":{\"n\":\"x\"}}";

    @TempDir
    Path temp;
    private final TestClock clock = new TestClock(1_800_000_000_000L);
    private final DirectTransports transports = new DirectTransports().with("udp", RealParts.udp())
            .with("unix", RealParts.unix());
    private final VirtualTransport virtual = new VirtualTransport(transports, RealParts.config(2), clock);
    private final RecordingReport report = new RecordingReport();
    private Listener a;
    private Listener b;

    VirtualPoliciesTest() throws Exception {
        transports.with("virtual", virtual);
        a = Listener.udp().start();
        b = Listener.udp().start();
    }

    @AfterEach
    void close() throws Exception {
        a.close();
        b.close();
    }

    private SendResult send(Destination d) {
        return virtual.send(d, RealParts.outgoing(E));
    }

    private Destination subscribe(String text) {
        return virtual.parse(text, report);
    }

    @Test
    void everyMemberSendCountsOnceInTheVirtualSubscribersReport() throws Exception {
        Destination d = subscribe("PARALLEL " + a.socket() + " " + temp.resolve("none.sock") + " " + b.socket());

        assertThat(send(d)).isEqualTo(SendResult.PENDING);
        assertThat(a.receive(2000)).isEqualTo(BYTES);
        assertThat(b.receive(2000)).isEqualTo(BYTES);
        assertThat(report.sent).hasValue(2);
        assertThat(report.failed).hasValue(1);
        assertThat(report.failures.get(0)).startsWith("member unix:" + temp.resolve("none.sock") + ": ");
    }

    @Test
    void anEventNoMemberTakesIsAFailureOfTheVirtualSubscriber() {
        Destination d = subscribe("FAILOVER " + temp.resolve("x.sock") + " " + temp.resolve("y.sock"));
        assertThat(send(d).reason()).isEqualTo("unable to raise any socket for event: E_V");
        assertThat(report.failed).hasValue(2);

        clock.advanceSeconds(1);
        assertThat(send(d).reason()).as("both rest: nothing tried").isEqualTo("unable to raise any socket for event: E_V");
        assertThat(report.failed).hasValue(2);
    }

    @Test
    void anAsynchronousFailureMakesFailoverSkipTheMemberForFailoverTimeout() throws Exception {
        AsyncTransport tcp = new AsyncTransport();
        transports.with("tcp", tcp);
        Destination d = subscribe("FAILOVER tcp:127.0.0.1:1 " + a.socket());

        send(d);
        assertThat(tcp.sent).containsExactly(BYTES);
        assertThat(a.poll()).as("pending with the first member: the second is not tried").isNull();

        tcp.fail(1, "no reply within 1000 ms");
        assertThat(report.failures).containsExactly("member tcp:127.0.0.1:1: no reply within 1000 ms");
        clock.advanceMillis(2999);
        send(d);
        assertThat(a.receive(2000)).isEqualTo(BYTES);
        assertThat(tcp.sent).hasSize(1);

        clock.advanceMillis(1);
        send(d);
        assertThat(tcp.sent).as("more than failover_timeout whole seconds later: tried again").hasSize(2);
        tcp.deliver(1);
        assertThat(report.delivered).hasValue(1);
    }

    @Test
    void aRefusedConnectionWhileEventsWaitMakesFailoverUseTheNextMember() throws Exception {
        AsyncTransport tcp = new AsyncTransport();
        transports.with("tcp", tcp);
        Destination d = subscribe("FAILOVER tcp:127.0.0.1:1 " + a.socket());

        send(d);
        tcp.problem("cannot connect to 127.0.0.1:1: Connection refused");
        send(d);
        assertThat(a.receive(2000)).as("the first event waits with tcp; the next goes on").isEqualTo(BYTES);
        assertThat(tcp.sent).hasSize(1);
        assertThat(report.problems).containsExactly("member tcp:127.0.0.1:1: cannot connect to 127.0.0.1:1:"
                + " Connection refused");
    }

    @Test
    void roundRobinSkipsAMemberThatFailedAsynchronously() throws Exception {
        AsyncTransport tcp = new AsyncTransport();
        transports.with("tcp", tcp);
        Destination d = subscribe("ROUND-ROBIN " + a.socket() + " tcp:127.0.0.1:1 " + b.socket());

        send(d);
        send(d);
        tcp.fail(1, "connection refused");
        send(d);
        send(d);
        send(d);
        assertThat(Arrays.asList(a.poll(), a.poll(), a.poll())).containsExactly(BYTES, BYTES, null);
        assertThat(Arrays.asList(b.poll(), b.poll(), b.poll())).containsExactly(BYTES, BYTES, null);
        assertThat(tcp.sent).hasSize(1);
    }

    @Test
    void aMemberWhoseTransportIsAwayCountsAsUndeliveredAndFailoverMovesOn() throws Exception {
        Destination d = subscribe("FAILOVER " + a.socket() + " " + b.socket());
        transports.schemes.remove("udp");

        assertThat(send(d).status()).isEqualTo(SendResult.Status.FAILED);
        assertThat(report.undelivered).hasValue(2);
        assertThat(report.undeliveredReasons).allMatch(r -> r.endsWith("no transport for scheme udp"));

        transports.with("udp", RealParts.udp());
        clock.advanceSeconds(3);
        send(d);
        assertThat(a.receive(2000)).as("delivery resumes with the new transport").isEqualTo(BYTES);
    }

    @Test
    void noMembersIsAFailureForEveryPolicyNeverACrash() {
        for (String policy : List.of("PARALLEL", "FAILOVER ", "ROUND-ROBIN")) {
            Destination d = subscribe(policy);
            assertThat(send(d).reason()).as(policy).isEqualTo("virtual socket has no members");
            virtual.release(d);
        }
    }

    @Test
    void aNestedEmptyVirtualMemberFailsSoFailoverReachesTheNextMember() throws Exception {
        Destination d = subscribe("FAILOVER virtual:PARALLEL " + a.socket());
        assertThat(d.shownAddress()).isEqualTo("FAILOVER virtual:PARALLEL " + a.socket());
        send(d);
        assertThat(a.receive(2000)).isEqualTo(BYTES);
    }

    @Test
    void releasingAVirtualSubscriberThatWasUsedClosesItsMembers() throws Exception {
        Destination d = subscribe("PARALLEL " + a.socket() + " " + b.socket());
        send(d);
        virtual.release(d);
        assertThat(transports.open).hasValue(0);
        assertThat(send(d).status()).as("a late raise after release (OpenSIPS crashed here)")
                .isEqualTo(SendResult.Status.FAILED);
    }
}
