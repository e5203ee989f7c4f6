package org.evi4j.itests;

import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.evi4j.api.EventInterface;
import org.evi4j.spi.EventTransport;
import org.evi4j.testkit.RabbitBroker;
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
 * Issue 9 in the full Felix runtime: the RabbitMQ transport bundle against a private RabbitMQ node (testkit's
 * {@link RabbitBroker}, one per class, see {@link ProbeBroker}), configured through ConfigAdmin, subscribers made
 * over an MI datagram socket.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FelixRabbitIT extends InFullRuntime {

    private static final String PID = "org.evi4j.transport.rabbitmq";
    private static final String EVENT = "E_IT_RABBIT";

    private MiServer mi;
    private RabbitCases cases;

    @Override
    @Configuration
    public Option[] config() {
        return options(EviOptions.runtime(), EviOptions.evi4j(EviOptions.ALL), EviOptions.evi4j("transport-rabbitmq"),
                EviOptions.amqpClient());
    }

    @Before
    public void setUp() throws IOException {
        RabbitBroker broker = ProbeBroker.get(context);
        RabbitCases.addUser(broker);
        configureTransport();
        EventInterface evi = Await.service(context, EventInterface.class, null);
        evi.publish(EVENT);
        mi = MiServer.start(configurationAdmin, MiServer.freeUdpSocketName());
        try (DatagramPeer client = DatagramPeer.udp()) {
            mi.awaitAnswer(client);
        }
        cases = new RabbitCases(context, evi, broker, mi.socketName(), EVENT);
    }

    /** A small queue and a short reconnect backoff; the transport is re-activated with them (once per class). */
    private void configureTransport() throws IOException {
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration(PID, null);
        Dictionary<String, Object> wanted = new Hashtable<>();
        wanted.put("queue_size", RabbitCases.QUEUE_SIZE);
        wanted.put("reconnect_max_ms", 500L);
        // no broker is allowed by default (issue #17): name the private brokers' network
        wanted.put("allowed_destinations", "127.0.0.0/8");
        Dictionary<String, Object> current = configuration.getProperties();
        if (current == null || !wanted.get("queue_size").equals(current.get("queue_size"))) {
            configuration.update(wanted);
        }
        Await.registered(context, EventTransport.class,
                "(&(" + EventTransport.SCHEME_PROPERTY + "=rabbitmq)(queue_size=" + RabbitCases.QUEUE_SIZE + "))");
    }

    @After
    public void tearDown() throws IOException {
        if (mi != null) {
            mi.close();
        }
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
