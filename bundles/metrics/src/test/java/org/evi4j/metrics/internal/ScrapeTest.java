package org.evi4j.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.evi4j.api.Event;
import org.evi4j.mi.MiEndpointStatistics;
import org.evi4j.spi.TransportQueues;
import org.evi4j.testkit.InMemoryEventInterface;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ScrapeTest {

    private static final String PROMTOOL = System.getProperty("promtool", "/usr/bin/promtool");

    private final InMemoryEventInterface evi = new InMemoryEventInterface();

    private static MiEndpointStatistics endpoint(String socket, long requests) {
        return new MiEndpointStatistics() {
            public String socket() {
                return socket;
            }

            public long requests() {
                return requests;
            }

            public long replies() {
                return requests - 1;
            }

            public long errors() {
                return 1;
            }

            public long refused() {
                return 2;
            }
        };
    }

    private String scrape() {
        evi.publish("E_ONE");
        evi.publish("E_\"odd\\name");
        evi.subscribe("E_ONE", "udp:127.0.0.1:9000", 60);
        evi.subscribe("E_ONE", "unix:/tmp/a\"b", 60);
        evi.unreachable("unix:/tmp/a\"b");
        evi.raise(Event.of("E_ONE"));
        evi.raise(Event.of("E_ONE"));
        TransportQueues rabbit = new TransportQueues() {
            public String scheme() {
                return "rabbitmq";
            }

            public List<Queue> queues() {
                return List.of(new Queue("guest@127.0.0.1:5672", 4, 9));
            }
        };
        return new Scrape(evi, List.of(endpoint("udp:127.0.0.1:8080", 5), endpoint("http:/mi", 3)), List.of(rabbit))
                .text();
    }

    @Test
    void everyStatisticIsASample() {
        String text = scrape();
        assertThat(text).contains("evi4j_events_raised_total{event=\"E_ONE\"} 2\n",
                "evi4j_events_raised_total{event=\"E_\\\"odd\\\\name\"} 0\n",
                "evi4j_event_subscribers{event=\"E_ONE\"} 2\n",
                "evi4j_subscriber_sent_total{event=\"E_ONE\",socket=\"udp:127.0.0.1:9000\"} 2\n",
                "evi4j_subscriber_failed_total{event=\"E_ONE\",socket=\"unix:/tmp/a\\\"b\"} 2\n",
                "evi4j_subscriber_delivered_total{event=\"E_ONE\",socket=\"udp:127.0.0.1:9000\"} 0\n",
                "evi4j_subscriber_dropped_total{", "evi4j_subscriber_undelivered_total{",
                "evi4j_subscriber_ttl_seconds{event=\"E_ONE\",socket=\"udp:127.0.0.1:9000\"} 60\n",
                "evi4j_mi_requests_total{socket=\"udp:127.0.0.1:8080\"} 5\n",
                "evi4j_mi_replies_total{socket=\"http:/mi\"} 2\n",
                "evi4j_mi_errors_total{socket=\"http:/mi\"} 1\n",
                "evi4j_mi_refused_total{socket=\"http:/mi\"} 2\n",
                "evi4j_transport_queue_depth{transport=\"rabbitmq\",target=\"guest@127.0.0.1:5672\"} 4\n",
                "evi4j_transport_queue_dropped_total{transport=\"rabbitmq\",target=\"guest@127.0.0.1:5672\"} 9\n",
                "# TYPE evi4j_events_raised_total counter\n", "# TYPE evi4j_event_subscribers gauge\n")
                .endsWith("\n");
    }

    @Test
    void withoutTheCoreOnlyTheMiIsShown() {
        String text = new Scrape(null, List.of(endpoint("udp:127.0.0.1:8080", 5)), List.of()).text();
        assertThat(text).doesNotContain("evi4j_events").contains("evi4j_mi_requests_total{");
    }

    @Test
    void promtoolFindsNothingToSay() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(PROMTOOL)), "no " + PROMTOOL);
        Process promtool = new ProcessBuilder(PROMTOOL, "check", "metrics").redirectErrorStream(true).start();
        promtool.getOutputStream().write(scrape().getBytes(StandardCharsets.UTF_8));
        promtool.getOutputStream().close();
        String said = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(promtool.exitValue()).as(said).isZero();
        assertThat(said).isBlank();
    }
}
