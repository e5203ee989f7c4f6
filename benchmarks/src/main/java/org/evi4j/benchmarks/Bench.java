package org.evi4j.benchmarks;

import java.util.Arrays;

/**
 * The load harness: {@code java -cp benchmarks.jar org.evi4j.benchmarks.Bench
 * mi|events|serve|rabbit|tcp|kafka|fsync|commit|subscribe ...}. Each command
 * prints one result line; {@code --help} on each says more.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        int rc;
        switch (args[0]) {
            case "mi" -> rc = MiLoad.run(Options.parse(rest));
            case "events" -> rc = EventLoad.run(Options.parse(rest));
            case "serve" -> rc = MiServe.run(Options.parse(rest));
            case "rabbit" -> rc = RabbitLoad.run(Options.parse(rest));
            case "tcp" -> rc = TcpLoad.run(Options.parse(rest));
            case "kafka" -> rc = KafkaLoad.run(Options.parse(rest));
            case "kafka-down" -> rc = KafkaLoad.down(Options.parse(rest));
            case "fsync" -> rc = ForceLoad.run(Options.parse(rest));
            case "commit" -> rc = CommitLoad.run(Options.parse(rest));
            case "subscribe" -> rc = SubscribeLoad.run(Options.parse(rest));
            case "flatstore" -> rc = FlatLoad.run(Options.parse(rest));
            default -> {
                usage();
                rc = 2;
            }
        }
        System.exit(rc);
    }

    private static void usage() {
        System.err.println("""
                usage: Bench mi --socket udp:HOST:PORT|unix:/path [--count N] [--inflight K] [--method uptime]
                                [--timeout MS]
                         closed-loop MI load: K requests in flight on one socket; req/s, p50, p99
                       Bench events [--rate R] [--duration S] [--subscribers N] [--transport udp|unix]
                                [--encoder jsonrpc|legacy]
                         raises R events/s for S s through the real core to N real receivers;
                         raised, delivered, lost, latency
                       Bench serve [--socket udp:127.0.0.1:8080] [--children N]
                         the real MI dispatcher (core commands) and MI datagram server from plain Java,
                         until SIGTERM or Ctrl-C
                       Bench rabbit [--count N] [--rounds R] [--queue-size Q] [--broker HOST:PORT]
                                [--user U --password P]
                         raises N events through the real core to a rabbitmq: subscriber (private broker from
                         rabbitmq-server unless --broker), confirms on and off, against the plain client's
                         publishing loop; raise/publish/confirm rates, drops (Q: the transport's queue_size,
                         default N)
                       Bench tcp [--count N] [--rounds R] [--queue-bytes B]
                         raises N events through the real core to a tcp: subscriber (a loopback receiver that
                         drains), against a raw SocketChannel write loop of the same bytes; then reliable mode
                         against a receiver that answers at once; events/s, ratio, drops
                       Bench kafka [--count N] [--rounds R] [--queue-bytes B] [--acks all|1|0] [--linger-ms L]
                                [--broker HOST:PORT]
                         raises N events through the real core to a kafka: subscriber (private broker from
                         testkit's KafkaBroker unless --broker; needs -Devi4j.kafka.broker.classpath=FILE) against
                         the plain producer's loop with the same acks and linger.ms; raise and acked rates, drops
                       Bench kafka-down [--count N] [--rounds R] [--queue-bytes B]
                         raises N events to a kafka: subscriber whose broker is down: raise rate while the
                         queue absorbs, and once it drops
                       Bench fsync [--dir D] [--count N]
                         appends a 72-byte record to a file in D and forces it, N times: p50, p99
                       Bench commit [--dir D] [--count N] [--clients K]
                         durable subscribe calls on the real core (journal in D), K threads one call at a
                         time each, no MI: per_s, p50, p99
                       Bench subscribe --socket udp:HOST:PORT [--count N] [--clients K] [--sockets S]
                                [--event E_DEMO]
                         event_subscribe round trips, one at a time per client, K clients at once, each
                         refreshing its own S subscribers in turn: req/s, p50, p99

                       Bench flatstore [--count N] [--rounds R] [--queue-bytes B]
                         raises N events through the real core to a flatstore: subscriber (a temporary file),
                         against a raw buffered append of the same lines; lines/s, ratio, drops""");
    }
}
