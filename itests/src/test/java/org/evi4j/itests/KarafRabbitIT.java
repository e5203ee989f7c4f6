package org.evi4j.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.evi4j.api.EventInterface;
import org.evi4j.spi.EventTransport;
import org.evi4j.testkit.RabbitBroker;
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
 * Issue 9 in a real Apache Karaf: {@code feature:install evi4j evi4j-transport-rabbitmq}, the transport configured
 * as a user does (its {@code .cfg} file in {@code etc/}, which the feature's default file does not replace), a
 * private RabbitMQ node (one per class, see {@link ProbeBroker}), subscribers made over the MI datagram socket.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KarafRabbitIT {

    private static final String CFG = "etc/org.evi4j.transport.rabbitmq.cfg";
    private static final String EVENT = "E_IT_RABBIT";

    @Inject
    private BundleContext context;

    @Inject
    private FeaturesService features;

    private RabbitCases cases;

    @Configuration
    public Option[] config() {
        return KarafRuntime.options(EviOptions.testkit(), EviOptions.amqpClient(),
                editConfigurationFilePut(CFG, "queue_size", Integer.toString(RabbitCases.QUEUE_SIZE)),
                editConfigurationFilePut(CFG, "reconnect_max_ms", "500"),
                editConfigurationFilePut(CFG, "allowed_destinations", "127.0.0.0/8"));
    }

    @Before
    public void setUp() throws Exception {
        RabbitBroker broker = ProbeBroker.get(context);
        RabbitCases.addUser(broker);
        KarafRuntime.install(features, context, "evi4j", "evi4j-transport-rabbitmq");
        Await.registered(context, EventTransport.class,
                "(&(" + EventTransport.SCHEME_PROPERTY + "=rabbitmq)(queue_size=" + RabbitCases.QUEUE_SIZE + "))");
        EventInterface evi = Await.service(context, EventInterface.class, null);
        evi.publish(EVENT);
        cases = new RabbitCases(context, evi, broker, KarafRuntime.udpMi(), EVENT);
    }

    @Test
    public void subscribedOverMiGetsTheExactBytesAndIsListedWithoutPassword() throws IOException {
        cases.subscribedOverMiGetsTheExactBytesAndIsListedWithoutPassword();
    }

    @Test
    public void anOutageDropsWithoutBlockingAndDeliveryResumes() throws IOException {
        cases.anOutageDropsWithoutBlockingAndDeliveryResumes();
    }

    @Test
    public void badCredentialsShowAClearErrorAndNoPassword() throws IOException {
        cases.badCredentialsShowAClearErrorAndNoPassword();
    }

    @Test
    public void theTransportBundleStoppedAndStartedKeepsTheSubscription() throws Exception {
        cases.theTransportBundleStoppedAndStartedKeepsTheSubscription();
    }
}
