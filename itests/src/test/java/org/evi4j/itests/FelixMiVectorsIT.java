package org.evi4j.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.evi4j.api.EventInterface;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 4 end to end in a real Felix with every evi4j bundle: each MI vector sequence runs, case by case, over a
 * UDP MI socket and over a UNIX MI socket, each against a fresh framework (the vectors assume one fresh runtime
 * per sequence). Both MI servers run in every test, from two factory configurations. Every case runs over both,
 * the empty datagram included.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class FelixMiVectorsIT {

    private static final Logger LOG = LoggerFactory.getLogger(FelixMiVectorsIT.class);

    @Inject
    private BundleContext context;

    @Inject
    private EventInterface evi;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    private final List<AutoCloseable> resources = new ArrayList<>();
    private TempSockets temp;

    @Configuration
    public Option[] config() {
        return options(EviOptions.runtime(), EviOptions.evi4j(EviOptions.ALL));
    }

    @Before
    public void setUp() throws IOException {
        long start = System.nanoTime();
        FullRuntime.await(context);
        LOG.info("runtime ready after {} ms", (System.nanoTime() - start) / 1_000_000);
        temp = new TempSockets();
    }

    @After
    public void tearDown() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
        if (temp != null) {
            temp.close();
        }
    }

    @Test
    public void jsonrpcVectorsOverUdp() throws IOException {
        assertThat(runSequence("mi-jsonrpc.json", false)).isEmpty();
    }

    @Test
    public void jsonrpcVectorsOverUnix() throws IOException {
        assertThat(runSequence("mi-jsonrpc.json", true)).isEmpty();
    }

    @Test
    public void legacyVectorsOverUdp() throws IOException {
        assertThat(runSequence("mi-legacy.json", false)).isEmpty();
    }

    @Test
    public void legacyVectorsOverUnix() throws IOException {
        assertThat(runSequence("mi-legacy.json", true)).isEmpty();
    }

    private List<String> runSequence(String file, boolean overUnix) throws IOException {
        assertThat(evi.events()).as("a fresh runtime has no events").isEmpty();
        MiSequence sequence = new MiSequence(file, Map.of());
        List<String> failures = new ArrayList<>(sequence.publish(evi));
        DatagramPeer udpListener = open(DatagramPeer.udp());
        DatagramPeer unixListener = open(DatagramPeer.unix(temp.path("ev.sock")));

        MiServer udpServer = open(MiServer.start(configurationAdmin, MiServer.freeUdpSocketName()));
        MiServer unixServer = open(MiServer.start(configurationAdmin, "unix:" + temp.path("mi.sock")));
        DatagramPeer udpClient = open(DatagramPeer.udp());
        DatagramPeer unixClient = open(DatagramPeer.unix(temp.path("cli.sock")));
        long start = System.nanoTime();
        udpServer.awaitAnswer(udpClient);
        unixServer.awaitAnswer(unixClient);
        LOG.info("MI sockets {} and {} answer after {} ms", udpServer.socketName(), unixServer.socketName(),
                (System.nanoTime() - start) / 1_000_000);

        Map<String, DatagramPeer> listeners = Map.of("udp", udpListener, "unix", unixListener);
        failures.addAll(overUnix ? sequence.run(unixClient, unixServer.socketName(), listeners)
                : sequence.run(udpClient, udpServer.socketName(), listeners));
        return failures;
    }

    private <T extends AutoCloseable> T open(T resource) {
        resources.add(resource);
        return resource;
    }
}
