package org.evi4j.itests;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.apache.karaf.features.FeaturesService;
import org.evi4j.api.EventInterface;
import org.evi4j.spi.EventEncoder;
import org.evi4j.spi.EventTransport;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.MavenArtifactUrlReference;
import org.osgi.framework.BundleContext;

/**
 * A real Apache Karaf for the Karaf tests: the distribution, pax-url pointed at the reactor's bundles, the JDK
 * flags of Karaf's own start script, and an MI socket of the test's choosing configured the way a user does (a
 * {@code .cfg} file in {@code etc/}). {@link #install} then adds the evi4j features repository and installs
 * features as {@code feature:repo-add} and {@code feature:install} do.
 */
final class KarafRuntime {

    /** The UDP MI port, chosen on the host side and handed to the probe, which runs in Karaf's JVM. */
    private static final String MI_PORT_PROPERTY = "evi4j.it.miPort";

    private KarafRuntime() {
    }

    /** Karaf with an MI socket on a free loopback port, plus the test's own options. */
    static Option[] options(Option... extra) {
        int miPort = freePort();
        String karaf = System.getProperty("evi4j.version.karaf");
        MavenArtifactUrlReference distribution = maven("org.apache.karaf", "apache-karaf", karaf).type("tar.gz");
        String repos = "file:${karaf.home}/${karaf.default.repository}@id=system.repository@snapshots,"
                + System.getProperty("org.ops4j.pax.url.mvn.defaultRepositories");
        String mvnCfg = "etc/org.ops4j.pax.url.mvn.cfg";
        List<Option> options = new ArrayList<>(Arrays.asList(
                karafDistributionConfiguration().frameworkUrl(distribution).name("Apache Karaf")
                        .unpackDirectory(new File("target/exam")).useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.WARN),
                vmOptions(karaf),
                editConfigurationFilePut(mvnCfg, "org.ops4j.pax.url.mvn.defaultRepositories", repos),
                editConfigurationFilePut(mvnCfg, "org.ops4j.pax.url.mvn.repositories",
                        System.getProperty("org.ops4j.pax.url.mvn.repositories")),
                editConfigurationFilePut(mvnCfg, "org.ops4j.pax.url.mvn.localRepository",
                        System.getProperty("org.ops4j.pax.url.mvn.localRepository")),
                // a user's own MI socket: the feature's default file is not installed over an existing one
                editConfigurationFilePut("etc/org.evi4j.mi.datagram-udp.cfg", "socket_name",
                        "udp:127.0.0.1:" + miPort),
                systemProperty(MI_PORT_PROPERTY).value(Integer.toString(miPort)),
                systemProperty("evi4j.version").value(System.getProperty("evi4j.version")),
                EviOptions.junixsocket(),
                mavenBundle("org.assertj", "assertj-core", System.getProperty("evi4j.version.assertj")),
                mavenBundle("org.hamcrest", "hamcrest", System.getProperty("evi4j.version.hamcrest")),
                mavenBundle("org.awaitility", "awaitility", System.getProperty("evi4j.version.awaitility")),
                mavenBundle("net.bytebuddy", "byte-buddy", System.getProperty("evi4j.version.bytebuddy"))));
        options.addAll(Arrays.asList(extra));
        return options.toArray(new Option[0]);
    }

    /** Adds the evi4j features repository, installs the features, and waits until the MI sockets answer. */
    static void install(FeaturesService features, BundleContext context, String... names) throws Exception {
        features.addRepository(URI.create(
                "mvn:org.evi4j/features/" + System.getProperty("evi4j.version") + "/xml/features"));
        for (String name : names) {
            if (!features.isInstalled(features.getFeature(name))) {
                // no refresh: Karaf would otherwise refresh the test's own probe bundle (its optional imports,
                // such as EventAdmin's package, become resolvable) and pull its classes from under the test
                features.installFeature(name, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
            }
        }
        Await.service(context, EventInterface.class, null);
        // DS brings the rest up asynchronously: wait for what the tests talk to
        Await.service(context, EventTransport.class, "(evi.transport=udp)");
        Await.service(context, EventTransport.class, "(evi.transport=unix)");
        Await.service(context, EventEncoder.class, "(evi.encoder=jsonrpc)");
        Await.service(context, EventEncoder.class, "(evi.encoder=legacy)");
        Await.until("the UNIX MI socket exists", () -> Files.exists(Paths.get(unixMi().substring(5))));
        try (DatagramPeer client = DatagramPeer.udp()) {
            Await.until("the UDP MI socket answers", () -> {
                try {
                    client.sendTo(udpMi(), "{\"jsonrpc\":\"2.0\",\"method\":\"version\",\"id\":0}"
                            .getBytes(StandardCharsets.UTF_8));
                    return client.receive(200) != null;
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }

    /** The UDP MI socket configured in etc/. */
    static String udpMi() {
        return "udp:127.0.0.1:" + System.getProperty(MI_PORT_PROPERTY);
    }

    /** The UNIX MI socket of the feature's default configuration. */
    static String unixMi() {
        return "unix:" + Paths.get(System.getProperty("karaf.data"), "evi4j_mi.sock");
    }

    static int freePort() {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JDK 9+ flags Karaf's {@code bin/karaf} passes and pax-exam's Karaf container does not (TOOLCHAIN G6). */
    private static Option vmOptions(String karafVersion) {
        return org.ops4j.pax.exam.CoreOptions.vmOptions(
                "--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar",
                "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar",
                "--add-opens", "java.base/java.security=ALL-UNNAMED",
                "--add-opens", "java.base/java.net=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                "-classpath", "lib/jdk9plus/*" + java.io.File.pathSeparator + "lib/boot/*");
    }
}
