package org.evi4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.evi4j.api.Event;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.spi.DeliveryReport;
import org.evi4j.spi.EventTransport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A transport that answers PENDING and reports later: its reports count in the right subscriber's statistics. */
class DeliveryReportTest {

    private static final Event E_A = Event.of("E_A");
    private final Fixture f = new Fixture();
    private final BrokerTransport mq = new BrokerTransport();

    @BeforeEach
    void subscribe() {
        f.transports.add(mq, f.props(EventTransport.SCHEME_PROPERTY, "mq", 0));
        f.engine.publish("E_A");
        f.engine.subscribe("E_A", "mq:u:pw@h/k");
    }

    private SubscriberInfo info() {
        return f.engine.subscriber("E_A", "mq:u@h/k").orElseThrow();
    }

    private static List<Long> counters(SubscriberInfo s) {
        return List.of(s.sent(), s.delivered(), s.failed(), s.dropped(), s.undelivered());
    }

    @Test
    void aPendingSendCountsNothingUntilReported() {
        assertThat(f.engine.raise(E_A)).isEqualTo(1);
        assertThat(mq.sends).hasSize(1);
        assertThat(counters(info())).containsOnly(0L);
        assertThat(info().lastError()).isNull();
    }

    @Test
    void reportsCountInTheSubscribersStatistics() {
        for (int i = 0; i < 4; i++) {
            f.engine.raise(E_A);
        }
        DeliveryReport report = mq.lastSendReport();
        report.sent(3);
        report.delivered(2);
        report.dropped(1, "queue full");
        assertThat(counters(info())).containsExactly(3L, 2L, 0L, 1L, 0L);
        assertThat(info().lastError()).isEqualTo("queue full");

        report.failed(1, "nack");
        assertThat(counters(info())).containsExactly(3L, 2L, 1L, 1L, 0L);
        assertThat(info().lastError()).isEqualTo("nack");

        report.problem("broker down");
        assertThat(counters(info())).containsExactly(3L, 2L, 1L, 1L, 0L);
        assertThat(info().lastError()).isEqualTo("broker down");
    }

    @Test
    void aProblemReportedWhileParsingBecomesTheNewSubscribersLastError() {
        mq.problemOnParse = "connection refused";
        f.engine.subscribe("E_A", "mq:v:pw@h/k");
        assertThat(f.engine.subscriber("E_A", "mq:v@h/k")).get().extracting(SubscriberInfo::lastError)
                .isEqualTo("connection refused");
        assertThat(info().lastError()).isNull();
    }

    @Test
    void reportsOfTheOldAndTheNewBindingReachARefreshedSubscriber() {
        f.engine.raise(E_A);
        DeliveryReport before = mq.lastSendReport();
        f.engine.subscribe("E_A", "mq:u:new@h/k");
        f.engine.raise(E_A);
        DeliveryReport after = mq.lastSendReport();
        assertThat(after).isNotSameAs(before);

        before.sent(1);
        after.sent(1);
        after.delivered(1);
        assertThat(f.engine.subscribers("E_A")).singleElement().extracting(SubscriberInfo::sent,
                SubscriberInfo::delivered).containsExactly(2L, 1L);
    }

    @Test
    void reportOfAReplacingTransportReachesTheSubscriber() {
        f.unbind(mq);
        BrokerTransport restarted = new BrokerTransport();
        f.transports.add(restarted, f.props(EventTransport.SCHEME_PROPERTY, "mq", 0));
        f.engine.raise(E_A);
        restarted.lastSendReport().delivered(1);
        assertThat(info().delivered()).isEqualTo(1);
    }

    @Test
    void aResubscribedSocketIsANewSubscriberThatOldReportsDoNotReach() {
        f.engine.raise(E_A);
        DeliveryReport gone = mq.lastSendReport();
        f.engine.unsubscribe("E_A", "mq:u@h/k");
        f.engine.subscribe("E_A", "mq:u:pw@h/k");
        gone.failed(1, "lost with the connection");
        assertThat(counters(info())).containsOnly(0L);
        assertThat(info().lastError()).isNull();
    }

    @Test
    void lookupsGiveTheTransportNoSubscribersReport() {
        f.engine.subscriber("E_A", "mq:u:pw@h/k");
        f.engine.unsubscribe("E_A", "mq:x@h/k");
        assertThat(mq.reports).hasSize(3);
        assertThat(mq.reports.subList(1, 3)).containsOnly(DeliveryReport.NONE);
        assertThat(mq.reports.get(0)).isNotSameAs(DeliveryReport.NONE);
    }

    @Test
    void resetStatisticsZeroesDelivered() {
        f.engine.raise(E_A);
        mq.lastSendReport().sent(1);
        mq.lastSendReport().delivered(1);
        f.engine.resetStatistics();
        assertThat(counters(info())).containsOnly(0L);
    }
}
