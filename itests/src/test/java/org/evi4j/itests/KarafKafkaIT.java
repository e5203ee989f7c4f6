package org.evi4j.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.charset.StandardCharsets;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.evi4j.api.Event;
import org.evi4j.api.EventInterface;
import org.evi4j.spi.EventTransport;
import org.evi4j.testkit.KafkaBroker;
import org.evi4j.testkit.Vectors.EventCase;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * Issue 18 in a real Apache Karaf: {@code feature:install evi4j evi4j-transport-kafka}, the transport configured as a
 * user does (its {@code .cfg} file in {@code etc/}, which the feature's default file does not replace), a private
 * Kafka broker,
 * subscribers made over the MI datagram socket, the exact bytes read back with a plain Kafka consumer.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KarafKafkaIT {

    private static final String CFG = "etc/org.evi4j.transport.kafka.cfg";
    /** Configured as a user does, and waited for: a transport activated before its file is read restarts. */
    private static final String QUEUE_BYTES = "1048576";

    @Inject
    private BundleContext context;

    @Inject
    private FeaturesService features;

    @Configuration
    public Option[] config() {
        return KarafRuntime.options(EviOptions.testkit(), EviOptions.kafkaClient(),
                editConfigurationFilePut(CFG, "queue_bytes", QUEUE_BYTES),
                systemProperty(KafkaBroker.CLASSPATH_PROPERTY)
                        .value(System.getProperty(KafkaBroker.CLASSPATH_PROPERTY, "")));
    }

    @Test
    public void subscribedOverMiGetsTheExactBytesAndIsListedWithoutProperties() throws Exception {
        KafkaBroker broker = ProbeBroker.kafka(context);
        KarafRuntime.install(features, context, "evi4j", "evi4j-transport-kafka");
        Await.registered(context, EventTransport.class,
                "(&(" + EventTransport.SCHEME_PROPERTY + "=kafka)(queue_bytes=" + QUEUE_BYTES + "))");
        EventInterface evi = Await.service(context, EventInterface.class, null);
        // written out: Karaf's probe has no Jackson to read the vectors with (they are the first case of each file)
        Event pike = Event.builder("E_IT_KAFKA_KARAF").param("ip", "10.0.0.1").param("port", 5060).build();
        EventCase json = new EventCase("karaf-json", pike, utf8("{\"jsonrpc\":\"2.0\",\"method\":\"E_IT_KAFKA_KARAF\","
                + "\"params\":{\"ip\":\"10.0.0.1\",\"port\":5060}}"));
        EventCase legacy = new EventCase("karaf-legacy", pike, utf8("E_IT_KAFKA_KARAF\nip::10.0.0.1\nport::5060\n\n"));
        new KafkaCases(context, evi, broker, KarafRuntime.udpMi())
                .subscribedOverMiGetsTheExactBytesAndIsListedWithoutProperties(json, legacy);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
