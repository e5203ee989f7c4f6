package org.evi4j.itests;

import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.streamBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.tinybundles.TinyBundles;

/**
 * The pax-exam provisioning shared by the Felix tests (runs on the host side, in {@code @Configuration} methods).
 * Versions come from system properties that failsafe sets from the parent pom ({@code evi4j.version.*}).
 */
final class EviOptions {

    /** The bundles of a runtime with every evi4j bundle, in dependency order. */
    static final String[] ALL = {"api", "core", "encoder-jsonrpc", "encoder-legacy", "transport-udp",
        "transport-unix", "transport-tcp", "transport-flatstore", "mi", "mi-datagram", "evi-mi"};

    private EviOptions() {
    }

    /**
     * Felix + SCR + ConfigAdmin + Jackson + JUnit/AssertJ/Awaitility + junixsocket, and the vectors folder for the probe.
     * SLF4J comes from the pax-logging-api bundle pax-exam adds itself (every level, into the test output).
     */
    static Option runtime() {
        String jackson = version("jackson");
        return composite(
                cleanCaches(true),
                systemProperty("evi4j.vectors.dir").value(property("evi4j.vectors.dir", "")),
                // the runtime's data folder: UNIX subscribers are allowed in <it>/sockets by default (issue #17)
                systemProperty("evi4j.data").value("/tmp/evi4j-it-" + ProcessHandle.current().pid()),
                // SCR 2.2 imports these spec packages but does not export them (TOOLCHAIN G12)
                mavenBundle("org.osgi", "org.osgi.util.function", version("osgi.function")),
                mavenBundle("org.osgi", "org.osgi.util.promise", version("osgi.promise")),
                mavenBundle("org.osgi", "org.osgi.service.component", version("osgi.component")),
                mavenBundle("org.apache.felix", "org.apache.felix.scr", version("felix.scr")),
                mavenBundle("org.apache.felix", "org.apache.felix.configadmin", version("felix.configadmin")),
                mavenBundle("com.fasterxml.jackson.core", "jackson-core", jackson),
                // jackson-annotations has no patch level since 2.20 (TOOLCHAIN G3)
                mavenBundle("com.fasterxml.jackson.core", "jackson-annotations", majorMinor(jackson)),
                mavenBundle("com.fasterxml.jackson.core", "jackson-databind", jackson),
                mavenBundle("net.bytebuddy", "byte-buddy", version("bytebuddy")),
                mavenBundle("org.assertj", "assertj-core", version("assertj")),
                // Awaitility, with the Hamcrest it imports: the probe waits as the unit tests do
                mavenBundle("org.hamcrest", "hamcrest", version("hamcrest")),
                mavenBundle("org.awaitility", "awaitility", version("awaitility")),
                junixsocket(),
                testkit(),
                junitBundles());
    }

    /**
     * Felix's HTTP service (Jetty 12, javax and jakarta whiteboards) on 127.0.0.1 and an ephemeral port, read from
     * the {@code HttpServiceRuntime}'s {@code osgi.http.endpoint} ({@link HttpFace#endpoint}). The framework
     * properties are set before Jetty starts (TOOLCHAIN G23); slf4j 2 comes from pax-logging-api 2.3.
     */
    static Option httpService() {
        return composite(
                frameworkProperty("org.osgi.service.http.port").value("0"),
                frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"),
                mavenBundle("org.apache.felix", "org.apache.felix.http.servlet-api", version("felix.http.servlet-api")),
                mavenBundle("commons-io", "commons-io", version("commons-io")),
                mavenBundle("commons-fileupload", "commons-fileupload", version("commons-fileupload")),
                mavenBundle("org.apache.felix", "org.apache.felix.http.jetty12", version("felix.http.jetty12")));
    }

    /**
     * junixsocket as evi4j ships it: the {@code org.evi4j.junixsocket} bundle, exporting {@code org.newsclub.net.unix}
     * to transport-unix, mi-datagram and the probe's UNIX peers alike. Installed with the runtime so that the probe
     * (installed before a Karaf test installs features) can wire to it.
     */
    static Option junixsocket() {
        return mavenBundle("org.evi4j", "junixsocket", property("evi4j.version", null));
    }

    /**
     * The testkit (the deterministic fuzzer and the vector loader) for the probe: a plain jar, so wrapped in a
     * test-only bundle exporting {@code org.evi4j.testkit}, like junixsocket above.
     */
    static Option testkit() {
        return streamBundle(TinyBundles.bundle()
                .setHeader("Bundle-ManifestVersion", "2")
                .setHeader("Bundle-SymbolicName", "org.evi4j.itests.testkit")
                .setHeader("Bundle-Version", "0.0.0")
                .setHeader("Bundle-ClassPath", ".,lib/testkit.jar")
                .setHeader("Export-Package", "org.evi4j.testkit")
                // optional: in Karaf the probe needs only RabbitBroker (plain JDK) before any feature is installed
                .setHeader("Import-Package", "com.fasterxml.jackson.databind;resolution:=optional,"
                        + "org.evi4j.api;resolution:=optional")
                .addResource("lib/testkit.jar", jarOf("org/evi4j/testkit/FuzzMutator.class"))
                .build(TinyBundles.rawBuilder()));
    }

    /**
     * The RabbitMQ client for the probe's own queues (the transport embeds a private copy): the client's bundle
     * requires Netty for an I/O layer nobody here uses, so it goes wrapped in a test-only bundle instead.
     */
    static Option amqpClient() {
        return streamBundle(TinyBundles.bundle()
                .setHeader("Bundle-ManifestVersion", "2")
                .setHeader("Bundle-SymbolicName", "org.evi4j.itests.amqp-client")
                .setHeader("Bundle-Version", "0.0.0")
                .setHeader("Bundle-ClassPath", ".,lib/amqp-client.jar")
                .setHeader("Export-Package", "com.rabbitmq.client,com.rabbitmq.client.impl,"
                        + "com.rabbitmq.client.impl.nio,com.rabbitmq.client.impl.recovery,com.rabbitmq.utility")
                .setHeader("Import-Package", "org.slf4j;version=\"[1.7,3)\",javax.crypto,javax.crypto.spec,"
                        + "javax.naming,javax.naming.directory,javax.net,javax.net.ssl,"
                        + "javax.security.auth.callback,javax.security.auth.x500,javax.security.sasl")
                .addResource("lib/amqp-client.jar", jarOf("com/rabbitmq/client/ConnectionFactory.class"))
                .build(TinyBundles.rawBuilder()));
    }

    /**
     * The Kafka client for the probe's own consumer (the transport embeds a private copy): not a bundle, so wrapped in
     * a test-only one, with the imports a consumer needs (TOOLCHAIN 7.3).
     */
    static Option kafkaClient() {
        return streamBundle(TinyBundles.bundle()
                .setHeader("Bundle-ManifestVersion", "2")
                .setHeader("Bundle-SymbolicName", "org.evi4j.itests.kafka-clients")
                .setHeader("Bundle-Version", "0.0.0")
                .setHeader("Bundle-ClassPath", ".,lib/kafka-clients.jar")
                .setHeader("Export-Package", "org.apache.kafka.clients.consumer,org.apache.kafka.common,"
                        + "org.apache.kafka.common.serialization,org.apache.kafka.common.header,"
                        + "org.apache.kafka.common.record")
                .setHeader("Import-Package", "org.slf4j;version=\"[1.7,3)\",org.slf4j.event;version=\"[1.7,3)\","
                        + "org.slf4j.helpers;version=\"[1.7,3)\",org.slf4j.spi;version=\"[1.7,3)\","
                        + "javax.crypto,javax.crypto.spec,javax.management,javax.net,javax.net.ssl,"
                        + "javax.security.auth,javax.security.auth.callback,javax.security.auth.kerberos,"
                        + "javax.security.auth.login,javax.security.auth.spi,javax.security.auth.x500,"
                        + "javax.security.sasl,org.ietf.jgss,sun.misc;resolution:=optional")
                .addResource("lib/kafka-clients.jar",
                        jarOf("org/apache/kafka/clients/consumer/KafkaConsumer.class"))
                .build(TinyBundles.rawBuilder()));
    }

    /** The jar on the test class path that holds a resource. */
    private static URL jarOf(String resource) {
        URL url = EviOptions.class.getClassLoader().getResource(resource);
        if (url == null || !"jar".equals(url.getProtocol())) {
            throw new IllegalStateException(resource + " not in a jar on the test class path: " + url);
        }
        try {
            String path = url.getPath();
            return new URL(path.substring(0, path.indexOf("!/")));
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The named evi4j bundles ({@code core}, {@code transport-unix}, ...), of the version under test. */
    static Option evi4j(String... artifactIds) {
        List<Option> bundles = new ArrayList<>();
        for (String artifactId : artifactIds) {
            bundles.add(mavenBundle("org.evi4j", artifactId, property("evi4j.version", null)));
        }
        return composite(bundles.toArray(new Option[0]));
    }

    private static String version(String key) {
        return property("evi4j.version." + key, null);
    }

    private static String property(String property, String fallback) {
        String value = System.getProperty(property, fallback);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " not set: run through maven-failsafe "
                    + "(mvn -pl itests verify), which sets it from the parent pom");
        }
        return value;
    }

    private static String majorMinor(String version) {
        int first = version.indexOf('.');
        int second = version.indexOf('.', first + 1);
        return second < 0 ? version : version.substring(0, second);
    }
}
