package org.evi4j.itests;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.Assume;

/** Debian's {@code prometheus} package: {@code promtool check metrics}, and a private Prometheus server. */
final class Promtool {

    static final String PROMTOOL = System.getProperty("promtool", "/usr/bin/promtool");
    static final String PROMETHEUS = System.getProperty("prometheus", "/usr/bin/prometheus");

    private Promtool() {
    }

    /** What {@code promtool check metrics} says about the text: empty when it is clean (skips without promtool). */
    static String check(String metrics) throws IOException, InterruptedException {
        Assume.assumeTrue("no " + PROMTOOL, Files.isExecutable(Path.of(PROMTOOL)));
        Process promtool = new ProcessBuilder(PROMTOOL, "check", "metrics").redirectErrorStream(true).start();
        promtool.getOutputStream().write(metrics.getBytes(StandardCharsets.UTF_8));
        promtool.getOutputStream().close();
        String said = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!promtool.waitFor(30, TimeUnit.SECONDS)) {
            promtool.destroyForcibly();
            return "promtool did not finish";
        }
        return promtool.exitValue() == 0 ? said.strip() : "exit " + promtool.exitValue() + ": " + said;
    }

    /** A Prometheus server on 127.0.0.1 scraping one target every second, with its own data folder. */
    static final class Server implements AutoCloseable {
        private final Process process;
        private final URI api;
        private final HttpClient client = HttpClient.newHttpClient();

        private Server(Process process, URI api) {
            this.process = process;
            this.api = api;
        }

        /** Starts it (skips the test without the binary) scraping {@code base}/metrics. */
        static Server start(URI base, Path dir) throws IOException {
            Assume.assumeTrue("no " + PROMETHEUS, Files.isExecutable(Path.of(PROMETHEUS)));
            Files.createDirectories(dir);
            Path config = dir.resolve("prometheus.yml");
            Files.writeString(config, "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
                    + "scrape_configs:\n  - job_name: evi4j\n    static_configs:\n      - targets: ['"
                    + base.getHost() + ":" + base.getPort() + "']\n");
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            Process process = new ProcessBuilder(PROMETHEUS, "--config.file=" + config,
                    "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            return new Server(process, URI.create("http://127.0.0.1:" + port + "/api/v1/query"));
        }

        /** The JSON answer to an instant query, once its result is not empty. */
        String awaitQuery(String query) {
            AtomicReference<String> answer = new AtomicReference<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            URI uri = URI.create(api + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && !r.body().contains("\"result\":[]")) {
                        answer.set(r.body());
                        return r.body();
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            throw new AssertionError("Prometheus gave no result for " + query + " within 30 s (alive: "
                    + process.isAlive() + ")");
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
