package org.evi4j.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.evi4j.api.EventInterface;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.BundleContext;

/**
 * Every JSON-RPC MI vector over HTTP (java.net.http, keep-alive) in a fresh Felix with Jetty 12, events to real UDP
 * and UNIX listeners: the same dispatcher as the datagram sockets answers.
 */
@RunWith(PaxExam.class)
public class FelixHttpVectorsIT {

    @Inject
    private BundleContext context;

    @Inject
    private EventInterface evi;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @Configuration
    public Option[] config() {
        return options(EviOptions.runtime(), EviOptions.httpService(), EviOptions.evi4j(EviOptions.ALL),
                EviOptions.evi4j(FelixHttpIT.HTTP_BUNDLES));
    }

    @After
    public void tearDown() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    /** Every JSON-RPC MI vector over HTTP, events to real UDP and UNIX listeners. */
    @Test
    public void jsonrpcVectorsOverHttp() throws IOException {
        FullRuntime.await(context);
        TempSockets temp = open(new TempSockets());
        MiSequence sequence = new MiSequence("mi-jsonrpc.json", Map.of("empty-datagram",
                "an empty HTTP body is 400, as mi_http answers it (mi-http.json errors-6, checked below)"));
        List<String> failures = new ArrayList<>(sequence.publish(evi));
        DatagramPeer udp = open(DatagramPeer.udp());
        DatagramPeer unix = open(DatagramPeer.unix(temp.path("ev.sock")));
        URI mi = HttpFace.endpoint(context).resolve("mi");
        HttpMiPeer client = open(new HttpMiPeer(mi));
        Await.until("POST /mi answers", () -> {
            try {
                return client.post(mi, MiServer.VERSION_REQUEST).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        failures.addAll(sequence.run(client, mi.toString(), Map.of("udp", udp, "unix", unix)));
        assertThat(failures).isEmpty();
    }

    private <T extends AutoCloseable> T open(T resource) {
        resources.add(resource);
        return resource;
    }
}
