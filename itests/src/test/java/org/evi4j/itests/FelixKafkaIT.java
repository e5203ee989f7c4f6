package org.evi4j.itests;

import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;

import org.evi4j.api.EventInterface;
import org.evi4j.spi.EventTransport;
import org.evi4j.testkit.KafkaBroker;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Issue 18 in the full Felix runtime: the Kafka transport bundle (kafka-clients embedded) against a private Kafka
 * broker (testkit's {@link KafkaBroker}, one per class, see {@link ProbeBroker}), subscribers made over an MI
 * datagram socket, records read back with a plain Kafka consumer.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FelixKafkaIT extends InFullRuntime {

    private static final String EVENT = "E_IT_KAFKA";

    private MiServer mi;
    private KafkaCases cases;
    private EventInterface evi;

    @Override
    @Configuration
    public Option[] config() {
        return options(EviOptions.runtime(), EviOptions.evi4j(EviOptions.ALL), EviOptions.evi4j("transport-kafka"),
                EviOptions.kafkaClient(), systemProperty(KafkaBroker.CLASSPATH_PROPERTY)
                        .value(System.getProperty(KafkaBroker.CLASSPATH_PROPERTY, "")));
    }

    @Before
    public void setUp() throws IOException {
        KafkaBroker broker = ProbeBroker.kafka(context);
        Await.registered(context, EventTransport.class, "(" + EventTransport.SCHEME_PROPERTY + "=kafka)");
        evi = Await.service(context, EventInterface.class, null);
        evi.publish(EVENT);
        mi = MiServer.start(configurationAdmin, MiServer.freeUdpSocketName());
        try (DatagramPeer client = DatagramPeer.udp()) {
            mi.awaitAnswer(client);
        }
        cases = new KafkaCases(context, evi, broker, mi.socketName());
    }

    @After
    public void tearDown() throws IOException {
        if (mi != null) {
            mi.close();
        }
    }

    @Test
    public void subscribedOverMiGetsTheExactBytesAndIsListedWithoutProperties() throws IOException {
        cases.subscribedOverMiGetsTheExactBytesAndIsListedWithoutProperties();
    }

    @Test
    public void badSocketsAreRefusedAtSubscribeTime() throws IOException {
        cases.badSocketsAreRefusedAtSubscribeTime(EVENT);
    }

    @Test
    public void theTransportBundleStoppedAndStartedKeepsTheSubscription() throws Exception {
        cases.theTransportBundleStoppedAndStartedKeepsTheSubscription(EVENT);
    }
}
