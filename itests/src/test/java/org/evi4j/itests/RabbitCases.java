package org.evi4j.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.evi4j.api.Event;
import org.evi4j.api.EventInterface;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.testkit.RabbitBroker;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import com.rabbitmq.client.GetResponse;

/**
 * The RabbitMQ cases the Felix and the Karaf tests share, run inside the framework: subscribers made over the MI
 * datagram socket, events raised through the core, and what reached the broker's queues read back with the test's
 * own AMQP client. Each case uses its own routing key (and so its own queue and subscriber) and unsubscribes.
 */
final class RabbitCases {

    /** A broker user with a password of its own, so that "no password shown" means something. */
    static final String USER = "evi4j";
    static final String PASSWORD = "Pw-q7Zx-secret";
    static final String TRANSPORT_BUNDLE = "org.evi4j.transport-rabbitmq";
    /** What the tests configure as the transport's queue_size: small, so that an outage drops soon. */
    static final int QUEUE_SIZE = 20;
    /** Not a performance bound: a raise that waited for the network would take seconds. */
    private static final double RAISE_SANITY_MILLIS = 1000;
    private static final int RATE_PER_SECOND = 200;
    private static final long PRODUCER_MAX_MILLIS = 120_000;

    private final BundleContext context;
    private final EventInterface evi;
    private final RabbitBroker broker;
    private final String miSocket;
    private final String event;

    RabbitCases(BundleContext context, EventInterface evi, RabbitBroker broker, String miSocket, String event) {
        this.context = context;
        this.evi = evi;
        this.broker = broker;
        this.miSocket = miSocket;
        this.event = event;
    }

    /** Adds {@link #USER} to the broker, once per broker. */
    static void addUser(RabbitBroker broker) {
        if (!broker.ctl("list_users", "-q").contains(USER)) {
            broker.addUser(USER, PASSWORD);
        }
    }

    /** Subscribed over MI, one raise: the exact JSON-RPC bytes in the queue, the socket listed without password. */
    void subscribedOverMiGetsTheExactBytesAndIsListedWithoutPassword() throws IOException {
        String key = "evi4j.exact";
        try (AmqpPeer peer = new AmqpPeer(broker); DatagramPeer client = DatagramPeer.udp()) {
            peer.queue(key);
            subscribe(client, socket(USER, PASSWORD, key));
            try {
                evi.raise(Event.builder(event).param("who", "rabbit").param("n", 7).build());

                GetResponse got = peer.take(key);
                assertThat(new String(got.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"jsonrpc\":\"2.0\","
                        + "\"method\":\"" + event + "\",\"params\":{\"who\":\"rabbit\",\"n\":7}}");
                assertThat(got.getProps().getContentType()).as("content type (OpenSIPS sets none)").isNull();
                assertThat((Object) got.getProps().getDeliveryMode()).as("delivery mode (not persistent)")
                        .isNotEqualTo(2);

                String listing = call(client, "subscribers_list", "[\"" + event + "\"]");
                assertThat(listing).contains(shown(key)).doesNotContain(PASSWORD);
                Await.until("the broker's confirm counted", () -> subscriber(key).delivered() == 1);
                long delivered = evi.subscribers(event).stream().mapToLong(SubscriberInfo::delivered).sum();
                assertThat(statistic(client, "evi:delivered")).as("evi:delivered").isEqualTo(delivered)
                        .isGreaterThanOrEqualTo(1);
            } finally {
                unsubscribe(client, socket(USER, PASSWORD, key));
            }
        }
    }

    /**
     * The broker's application stopped while events are raised at a steady rate: raise never waits, the
     * transport's queue fills and further events are dropped, the subscriber shows why; once the broker is back,
     * delivery resumes without subscribing again.
     */
    void anOutageDropsWithoutBlockingAndDeliveryResumes() throws IOException {
        String key = "evi4j.outage";
        String socket = socket(USER, PASSWORD, key);
        try (AmqpPeer peer = new AmqpPeer(broker)) {
            peer.queue(key);
        }
        evi.subscribe(event, socket, 600);
        try {
            Event raised = Event.builder(event).param("case", "outage").build();
            evi.raise(raised);
            Await.until("the first event confirmed", () -> subscriber(key).delivered() == 1);

            try (PacedProducer producer = PacedProducer.start(evi, raised, RATE_PER_SECOND, PRODUCER_MAX_MILLIS)) {
                broker.stopApp();
                Await.until("events dropped while the broker is away, with the reason", () -> {
                    SubscriberInfo s = subscriber(key);
                    // the last error is the broker's (cannot connect) or a drop's, which names it as the cause
                    return s.dropped() > 0 && s.lastError() != null && s.lastError().contains("cannot connect to "
                            + USER + "@" + broker.host() + ":" + broker.port());
                });
                SubscriberInfo down = subscriber(key);
                System.out.printf("rabbitmq outage: %d raised, %s%n", producer.raised(), down);
                assertThat(down.lastError()).doesNotContain(PASSWORD);

                broker.startApp();
                Await.until("delivery resumes after the broker's return",
                        () -> subscriber(key).delivered() > down.delivered() + QUEUE_SIZE);

                assertThat(producer.thrown()).as("what raise threw").isNull();
                assertThat(producer.isRunning()).as("producer still raising").isTrue();
                assertThat(producer.maxRaiseMillis()).as("longest raise (ms)").isLessThan(RAISE_SANITY_MILLIS);
            }
            SubscriberInfo after = subscriber(key);
            System.out.printf("rabbitmq after the outage: %s%n", after);
            assertThat(after.dropped()).isGreaterThan(0);
            assertThat(evi.subscribers(event)).extracting(SubscriberInfo::socket).containsOnlyOnce(shown(key));
            try (AmqpPeer peer = new AmqpPeer(broker)) {
                assertThat(new String(peer.take(key).getBody(), StandardCharsets.UTF_8)).isEqualTo(
                        "{\"jsonrpc\":\"2.0\",\"method\":\"" + event + "\",\"params\":{\"case\":\"outage\"}}");
                peer.purge(key);
            }
        } finally {
            evi.unsubscribe(event, socket);
        }
    }

    /** A wrong password: the subscriber's last error says so, and the password is in no listing. */
    void badCredentialsShowAClearErrorAndNoPassword() throws IOException {
        String key = "evi4j.bad";
        String wrong = "Wrong-pw-4711";
        String socket = socket(USER, wrong, key);
        try (DatagramPeer client = DatagramPeer.udp()) {
            subscribe(client, socket);
            try {
                evi.raise(Event.builder(event).param("case", "bad").build());
                Await.until("the authentication failure reported", () -> {
                    String error = subscriber(key).lastError();
                    return error != null && error.contains("authentication failed for user '" + USER + "'");
                });
                String listing = call(client, "subscribers_list", "[\"" + event + "\"]");
                System.out.printf("rabbitmq bad credentials: %s%n", listing);
                // OpenSIPS's listing has no error field: the error is in the API's (and JMX's, the shell's) view
                assertThat(listing).contains(shown(key)).doesNotContain(wrong);
                assertThat(evi.subscribers(event).toString()).doesNotContain(wrong);
            } finally {
                unsubscribe(client, socket);
            }
        }
    }

    /** The transport bundle stopped and started: the subscription stays, delivery resumes, no thread is left. */
    void theTransportBundleStoppedAndStartedKeepsTheSubscription() throws Exception {
        String key = "evi4j.swap";
        String socket = socket(USER, PASSWORD, key);
        Bundle transport = bundle(TRANSPORT_BUNDLE);
        try (AmqpPeer peer = new AmqpPeer(broker)) {
            peer.queue(key);
            evi.subscribe(event, socket, 600);
            try {
                Event raised = Event.builder(event).param("case", "swap").build();
                evi.raise(raised);
                peer.take(key);

                transport.stop();
                Await.until("no publisher thread left", () -> publisherThreads().isEmpty());
                long undelivered = subscriber(key).undelivered();
                for (int i = 0; i < 10; i++) {
                    evi.raise(raised);
                }
                assertThat(subscriber(key).undelivered()).isEqualTo(undelivered + 10);

                transport.start();
                Await.until("delivery resumes after the transport's start", () -> {
                    evi.raise(raised);
                    try {
                        return peer.count(key) > 0;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                assertThat(evi.subscribers(event)).extracting(SubscriberInfo::socket).containsOnlyOnce(shown(key));
                peer.purge(key);
            } finally {
                evi.unsubscribe(event, socket);
            }
        }
    }

    /** The names of the transport's publisher threads alive now. */
    static List<String> publisherThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("evi4j-rabbitmq-")).sorted().toList();
    }

    String socket(String user, String password, String key) {
        return "rabbitmq:" + user + ":" + password + "@" + broker.host() + ":" + broker.port() + "/" + key;
    }

    /** The socket as the core lists it: the transport's canonical form without the password. */
    String shown(String key) {
        return "rabbitmq:" + USER + "@" + broker.host() + ":" + broker.port() + "/" + key;
    }

    private SubscriberInfo subscriber(String key) {
        return evi.subscribers(event).stream().filter(s -> s.socket().endsWith("/" + key)).findFirst()
                .orElseThrow(() -> new AssertionError("no subscriber for " + key + " in " + evi.subscribers(event)));
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private void subscribe(DatagramPeer client, String socket) throws IOException {
        assertThat(call(client, "event_subscribe", "[\"" + event + "\",\"" + socket + "\"]"))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"OK\",\"id\":1}");
    }

    private void unsubscribe(DatagramPeer client, String socket) throws IOException {
        assertThat(call(client, "event_subscribe", "[\"" + event + "\",\"" + socket + "\",0]"))
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":\"OK\",\"id\":1}");
    }

    private long statistic(DatagramPeer client, String name) throws IOException {
        // plain text matching: Karaf has no jackson-databind for the probe
        String reply = call(client, "get_statistics", "[[\"" + name + "\"]]");
        Matcher value = Pattern.compile("\"" + Pattern.quote(name) + "\":(\\d+)").matcher(reply);
        assertThat(value.find()).as("%s in %s", name, reply).isTrue();
        return Long.parseLong(value.group(1));
    }

    private String call(DatagramPeer client, String method, String params) throws IOException {
        return Mi.call(client, miSocket, "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params
                + ",\"id\":1}");
    }
}
