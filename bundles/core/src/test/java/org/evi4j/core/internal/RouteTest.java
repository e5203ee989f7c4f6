package org.evi4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.evi4j.api.Event;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.Route;
import org.evi4j.spi.SendResult;
import org.evi4j.testkit.RecordingReport;
import org.junit.jupiter.api.Test;

/** Routes (the {@code Transports} service): a socket of any scheme, counted like a plain subscriber of it. */
class RouteTest {

    private static final Event E_A = Event.of("E_A");
    private final Fixture f = new Fixture();
    private final RecordingReport report = new RecordingReport();

    private SendResult send(Route route, String encoder) {
        return route.send(new Outgoing(E_A, encoder, f.encoders.get(encoder)));
    }

    @Test
    void sendsTheCallersBytesThroughTheTransportOfTheSchemeAndCountsThem() {
        Route route = f.engine.route("udp: 127.0.0.1:9 ", report);

        assertThat(route.socket()).isEqualTo("udp:127.0.0.1:9");
        assertThat(route.shownSocket()).isEqualTo("udp:127.0.0.1:9");
        assertThat(send(route, "jsonrpc").status()).isEqualTo(SendResult.Status.SENT);
        assertThat(f.udp.texts("127.0.0.1:9")).containsExactly("jsonrpc:E_A");
        assertThat(report.sent).hasValue(1);
    }

    @Test
    void aRouteWithItsOwnEncoderEncodesTheEventWithIt() {
        Route route = f.engine.route("/tmp/r.sock;encoder=legacy", report);

        assertThat(route.shownSocket()).isEqualTo("unix:/tmp/r.sock;encoder=legacy");
        send(route, "jsonrpc");
        assertThat(f.unix.texts("/tmp/r.sock")).containsExactly("legacy:E_A");
    }

    @Test
    void badOrNotAllowedAddressesAreRefusedWithTheTransportsMessage() {
        assertThatThrownBy(() -> f.engine.route("udp:bad", report)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad address");
        assertThatThrownBy(() -> f.engine.route("udp:10.1.2.3:9", report))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowed_destinations");
        assertThatThrownBy(() -> f.engine.route("noscheme", report)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whileNoTransportServesTheSchemeSendsCountAsUndeliveredThenResume() {
        Route waiting = f.engine.route("tcp:127.0.0.1:7", report);
        assertThat(send(waiting, "jsonrpc").status()).isEqualTo(SendResult.Status.FAILED);
        assertThat(report.undelivered).hasValue(1);
        assertThat(report.undeliveredReasons).containsExactly("no transport for scheme tcp");

        TestTransport tcp = new TestTransport();
        f.transports.add(tcp, f.props(EventTransport.SCHEME_PROPERTY, "tcp", 0));
        assertThat(send(waiting, "jsonrpc").status()).isEqualTo(SendResult.Status.SENT);
        assertThat(tcp.addresses()).containsExactly("127.0.0.1:7");
    }

    @Test
    void aTransportThatGoesAndComesBackParsesTheAddressAgain() {
        Route route = f.engine.route("udp:127.0.0.1:9", report);
        f.unbind(f.udp);
        send(route, "jsonrpc");
        assertThat(report.undelivered).hasValue(1);

        TestTransport udp2 = new TestTransport();
        f.transports.add(udp2, f.props(EventTransport.SCHEME_PROPERTY, "udp", 0));
        send(route, "jsonrpc");
        assertThat(udp2.parses).hasValue(1);
        assertThat(udp2.addresses()).containsExactly("127.0.0.1:9");
        assertThat(report.sent).hasValue(1);
    }

    @Test
    void failuresAndDropsAreCountedAndReturned() {
        Route route = f.engine.route("udp:127.0.0.1:9", report);
        f.udp.result = () -> SendResult.failed("ICMP");
        assertThat(send(route, "jsonrpc").reason()).isEqualTo("ICMP");
        f.udp.result = () -> SendResult.dropped("full");
        send(route, "jsonrpc");
        assertThat(List.of(report.failed.get(), report.dropped.get())).containsExactly(1, 1);
        assertThat(send(route, "nosuch").status()).isEqualTo(SendResult.Status.FAILED);
        assertThat(report.undeliveredReasons).containsExactly("no encoder nosuch");
    }

    @Test
    void closeGivesTheDestinationBackOnceAndStopsSending() {
        Route route = f.engine.route("udp:127.0.0.1:9", report);
        route.close();
        route.close();
        assertThat(f.udp.released).containsExactly("127.0.0.1:9");
        assertThat(send(route, "jsonrpc").status()).isEqualTo(SendResult.Status.FAILED);
        assertThat(f.udp.sent).isEmpty();
    }
}
