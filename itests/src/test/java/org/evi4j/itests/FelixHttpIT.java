package org.evi4j.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.evi4j.api.EventInterface;
import org.evi4j.testkit.Vectors;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 16 in a real Felix with Felix's Jetty 12 HTTP service: the mi_http vectors over raw sockets byte for byte
 * (Date masked) with evi4j's deliberate differences spelled out, the exact requests of opensips-cli's http mode, the
 * guard's security cases, /metrics under promtool and a real Prometheus. One framework for the class: each test
 * that configures the guard removes its configuration afterwards. (The MI vectors over HTTP: FelixHttpVectorsIT.)
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FelixHttpIT {

    static final String[] HTTP_BUNDLES = {"mi-http", "metrics"};

    @Inject
    private BundleContext context;

    @Inject
    private EventInterface evi;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private TempSockets temp;
    private URI base;
    private URI mi;

    @Configuration
    public Option[] config() {
        return options(EviOptions.runtime(), EviOptions.httpService(), EviOptions.evi4j(EviOptions.ALL),
                EviOptions.evi4j(HTTP_BUNDLES));
    }

    @Before
    public void setUp() throws IOException {
        FullRuntime.await(context);
        base = HttpFace.endpoint(context);
        mi = base.resolve("mi");
        Await.until("POST /mi answers", () -> status(post(mi, "application/json", MiServer.VERSION_REQUEST)) == 200);
        temp = new TempSockets();
    }

    @After
    public void tearDown() throws Exception {
        org.osgi.service.cm.Configuration[] guard = configurationAdmin.listConfigurations("(service.pid=org.evi4j.http)");
        if (guard != null) {
            guard[0].delete();
            Await.until("the guard back to its defaults", () -> status(send(json(mi))) == 200);
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
        if (temp != null) {
            temp.close();
        }
    }

    /** The mi_http vectors, sent byte for byte; the answer is OpenSIPS's (Date masked) or the documented difference. */
    @Test
    public void miHttpVectorsByteForByte() throws IOException {
        String server = serverName();
        List<String> failures = new ArrayList<>();
        for (JsonNode exchange : Vectors.load("mi-http.json").get("exchanges")) {
            String id = exchange.get("id").asText();
            byte[] request = Base64.getDecoder().decode(exchange.get("request_b64").asText());
            HttpFace.Raw got = HttpFace.exchange(base, request);
            MiHttpExpectations.Expected want = MiHttpExpectations.of(id, exchange, server);
            String problem = want.check(got);
            if (problem != null) {
                failures.add(id + ": " + problem);
            }
        }
        assertThat(failures).isEmpty();
    }

    /** What opensips-cli -o communication_type=http sends: a bare connect/close probe, which, then the command. */
    @Test
    public void opensipsCliRequests() throws IOException {
        new java.net.Socket(base.getHost(), base.getPort()).close();
        String which = "{\"jsonrpc\": \"2.0\", \"id\": \"9453\", \"method\": \"which\", \"params\": {}}";
        HttpFace.Raw listing = HttpFace.exchange(base, cliRequest(which));
        assertThat(listing.maskedHead()).isEqualTo("HTTP/1.1 200 OK\r\nDate: <RFC 7231 date>\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + listing.body().length + "\r\nConnection: close");
        assertThat(listing.bodyText()).matches("\\{\"jsonrpc\":\"2\\.0\",\"result\":\\[(\"[a-z_:]+\",)*\"[a-z_:]+\"\\],"
                + "\"id\":\"9453\"\\}").contains("\"version\"", "\"event_subscribe\"", "\"raise_event\"");
        assertThat(listing.closed()).as("closed after Connection: close").isTrue();

        String version = "{\"jsonrpc\": \"2.0\", \"id\": \"12804\", \"method\": \"version\", \"params\": {}}";
        HttpFace.Raw answer = HttpFace.exchange(base, cliRequest(version));
        String body = "{\"jsonrpc\":\"2.0\",\"result\":{\"Server\":\"" + serverName() + "\"},\"id\":\"12804\"}";
        assertThat(answer.maskedHead() + "\r\n\r\n" + answer.bodyText()).isEqualTo("HTTP/1.1 200 OK\r\n"
                + "Date: <RFC 7231 date>\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);

        evi.publish("E_CLI");
        String raise = "{\"jsonrpc\": \"2.0\", \"id\": \"77\", \"method\": \"raise_event\", \"params\": [\"E_NOPE\"]}";
        assertThat(HttpFace.exchange(base, cliRequest(raise)).bodyText()).isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":"
                + "{\"code\":404,\"message\":\"Event not registered\"},\"id\":\"77\"}");
    }

    private byte[] cliRequest(String json) {
        return ("POST /mi HTTP/1.1\r\nAccept-Encoding: identity\r\nContent-Length: " + json.length() + "\r\nHost: "
                + base.getHost() + ":" + base.getPort() + "\r\nUser-Agent: Python-urllib/3.11\r\nContent-Type: "
                + "application/json\r\nConnection: close\r\n\r\n" + json).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    public void methodsTypesAndSizes() throws IOException {
        assertThat(status(send(HttpRequest.newBuilder(mi).GET()))).isEqualTo(405);
        assertThat(status(send(HttpRequest.newBuilder(mi).PUT(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")))).isEqualTo(405);
        assertThat(status(send(HttpRequest.newBuilder(mi).method("DELETE", HttpRequest.BodyPublishers.noBody()))))
                .isEqualTo(405);
        assertThat(status(post(mi, "text/plain", MiServer.VERSION_REQUEST))).isEqualTo(415);
        assertThat(status(post(mi, "application/x-www-form-urlencoded", Texts.utf8("a=b")))).isEqualTo(400);
        HttpResponse<String> bad = post(mi, "application/json", Texts.utf8("{\"jsonrpc\":"));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).isEqualTo("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32700,\"message\":\"Parse error\"},"
                + "\"id\":null}");
        assertThat(post(mi, "application/json", Texts.utf8(":version:\n")).body()).as("no legacy MI over HTTP")
                .contains("-32700");

        byte[] largest = padded(65457);
        HttpResponse<String> fits = post(mi, "application/json", largest);
        assertThat(fits.statusCode()).isEqualTo(200);
        assertThat(fits.body()).contains("\"result\":{\"Server\"");
        assertThat(status(post(mi, "application/json", padded(65458)))).isEqualTo(413);
        // without a Content-Length (chunked): counted while read
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(mi).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(padded(70000)))));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(status(post(mi, "application/json", MiServer.VERSION_REQUEST))).as("still serving").isEqualTo(200);
    }

    private static byte[] padded(int length) {
        byte[] body = new byte[length];
        java.util.Arrays.fill(body, (byte) ' ');
        System.arraycopy(MiServer.VERSION_REQUEST, 0, body, 0, MiServer.VERSION_REQUEST.length);
        return body;
    }

    @Test
    public void crossOriginStateChangesAreRefused() throws IOException {
        String self = "http://" + base.getHost() + ":" + base.getPort();
        assertThat(status(send(json(mi).header("Origin", "http://evil.example")))).isEqualTo(403);
        assertThat(status(send(json(mi).header("Origin", "null")))).isEqualTo(403);
        assertThat(status(send(json(mi).header("Origin", self)))).isEqualTo(200);
        // reading is not a state change
        assertThat(status(send(HttpRequest.newBuilder(base.resolve("metrics")).header("Origin",
                "http://evil.example")))).isEqualTo(200);

        configure(Map.of("allowed_origins", "http://ops.example:8000"));
        Await.until("allowed_origins applied",
                () -> status(send(json(mi).header("Origin", "http://ops.example:8000"))) == 200);
        assertThat(status(send(json(mi).header("Origin", "http://evil.example")))).isEqualTo(403);
    }

    @Test
    public void sourcesOutsideAllowedSourcesAreRefused() {
        configure(Map.of("allowed_sources", "10.0.0.0/8"));
        Await.until("allowed_sources applied", () -> status(send(json(mi))) == 403);
        assertThat(status(send(HttpRequest.newBuilder(base.resolve("metrics"))))).isEqualTo(403);
        configure(Map.of("allowed_sources", "10.0.0.0/8, 127.0.0.1"));
        Await.until("loopback allowed again", () -> status(send(json(mi))) == 200);
    }

    @Test
    public void basicAuthWithAStoredHash() {
        // made with: echo -n s3cret | java -cp mi-http.jar org.evi4j.mi.http.internal.PasswordHash 1000
        String hash = "pbkdf2-sha256$1000$MDEyMzQ1Njc4OWFiY2RlZg==$" + pbkdf2("s3cret");
        configure(Map.of("basic_auth_user", "ops", "basic_auth_password", hash));
        Await.until("authentication on", () -> status(send(json(mi))) == 401);
        HttpResponse<String> challenge = send(json(mi));
        assertThat(challenge.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"evi4j\", charset=\"UTF-8\"");
        assertThat(status(send(json(mi).header("Authorization", basic("ops:wrong"))))).isEqualTo(401);
        assertThat(status(send(json(mi).header("Authorization", basic("eve:s3cret"))))).isEqualTo(401);
        assertThat(status(send(json(mi).header("Authorization", basic("ops:s3cret"))))).isEqualTo(200);
        assertThat(status(send(HttpRequest.newBuilder(base.resolve("metrics")).header("Authorization",
                basic("ops:s3cret"))))).isEqualTo(200);
        assertThat(status(send(HttpRequest.newBuilder(base.resolve("metrics"))))).isEqualTo(401);

        // a password in clear is not a hash: the door shuts rather than opens
        configure(Map.of("basic_auth_user", "ops", "basic_auth_password", "s3cret"));
        Await.until("misconfiguration refuses everything",
                () -> status(send(json(mi).header("Authorization", basic("ops:s3cret")))) == 503);
    }

    private static String pbkdf2(String password) {
        try {
            javax.crypto.SecretKeyFactory f = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            byte[] hash = f.generateSecret(new javax.crypto.spec.PBEKeySpec(password.toCharArray(),
                    "0123456789abcdef".getBytes(StandardCharsets.US_ASCII), 1000, 256)).getEncoded();
            return Base64.getEncoder().encodeToString(hash);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** /metrics after MI traffic and a raise: the values are there, and promtool has nothing to say. */
    @Test
    public void metricsOnALiveScrape() throws IOException, InterruptedException {
        evi.publish("E_METRIC");
        DatagramPeer udp = open(DatagramPeer.udp());
        evi.subscribe("E_METRIC", udp.socketString(), 120);
        evi.raise(org.evi4j.api.Event.of("E_METRIC"));
        evi.raise(org.evi4j.api.Event.of("E_METRIC"));
        MiServer udpMi = open(MiServer.start(configurationAdmin, MiServer.freeUdpSocketName()));
        DatagramPeer miClient = open(DatagramPeer.udp());
        udpMi.awaitAnswer(miClient);
        post(mi, "application/json", Texts.utf8("{\"jsonrpc\":\"2.0\",\"method\":\"nosuch\",\"id\":1}"));
        long errorsBefore = httpErrors(send(HttpRequest.newBuilder(base.resolve("metrics"))).body());
        post(mi, "text/plain", MiServer.VERSION_REQUEST);

        HttpResponse<String> scrape = send(HttpRequest.newBuilder(base.resolve("metrics")));
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t.replace(" ", "").toLowerCase()).isEqualTo("text/plain;version=0.0.4;charset=utf-8"));
        String text = scrape.body();
        assertThat(text).contains("evi4j_events_raised_total{event=\"E_METRIC\"} 2\n",
                "evi4j_subscriber_sent_total{event=\"E_METRIC\",socket=\"" + udp.socketString() + "\"} 2\n",
                "evi4j_mi_requests_total{socket=\"" + udpMi.socketName() + "\"} ");
        assertThat(httpErrors(text)).as("the 415 counted").isEqualTo(errorsBefore + 1);
        assertThat(Pattern.compile("evi4j_mi_requests_total\\{socket=\"http:/mi\"\\} (\\d+)").matcher(text).find())
                .isTrue();
        assertThat(Promtool.check(text)).isEmpty();
        assertThat(status(send(HttpRequest.newBuilder(base.resolve("metrics")).POST(
                HttpRequest.BodyPublishers.noBody())))).isEqualTo(405);
    }

    private static long httpErrors(String metrics) {
        Matcher m = Pattern.compile("evi4j_mi_errors_total\\{socket=\"http:/mi\"\\} (\\d+)").matcher(metrics);
        assertThat(m.find()).as(metrics).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** A real Prometheus server scrapes /metrics; its query API then returns evi4j's values. */
    @Test
    public void prometheusScrapesIt() throws Exception {
        evi.publish("E_PROM");
        for (int i = 0; i < 3; i++) {
            evi.raise(org.evi4j.api.Event.of("E_PROM"));
        }
        try (Promtool.Server prometheus = Promtool.Server.start(base, temp.path("prom"))) {
            String result = prometheus.awaitQuery("evi4j_events_raised_total{event=\"E_PROM\"}");
            assertThat(result).contains("\"event\":\"E_PROM\"").contains("\"3\"]");
        }
    }

    /** The {@code Server} text of evi4j's version reply. */
    private String serverName() {
        String body = post(mi, "application/json", MiServer.VERSION_REQUEST).body();
        Matcher m = Pattern.compile("\"Server\":\"([^\"]*)\"").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    private void configure(Map<String, String> properties) {
        try {
            org.osgi.service.cm.Configuration guard = configurationAdmin.getConfiguration("org.evi4j.http", "?");
            Dictionary<String, Object> values = new Hashtable<>(properties);
            guard.update(values);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder json(URI uri) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(MiServer.VERSION_REQUEST));
    }

    private HttpResponse<String> post(URI uri, String type, byte[] body) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int status(HttpResponse<?> response) {
        return response.statusCode();
    }

    private <T extends AutoCloseable> T open(T resource) {
        resources.add(resource);
        return resource;
    }
}
