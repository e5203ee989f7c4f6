package org.evi4j.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;


/**
 * {@code bench serve}: the real MI dispatcher with its core commands and the real MI datagram server, wired from
 * plain Java (no OSGi framework), serving until the JVM is asked to stop (SIGTERM, Ctrl-C). For comparing the MI path
 * alone with other servers when the launcher is not at hand.
 */
final class MiServe {

    private MiServe() {
    }

    static int run(Options o) throws IOException, InterruptedException {
        List<String> sockets = o.all("socket").isEmpty() ? List.of("udp:127.0.0.1:8080") : o.all("socket");
        int children = o.integer("children", 1);
        BenchMi mi = new BenchMi();
        List<BenchMiServer> servers = new ArrayList<>();
        for (String socket : sockets) {
            servers.add(new BenchMiServer(mi.dispatcher(), socket, children));
        }
        long upMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf("bench serve: MI on %s (children_count %d), answering %d ms after JVM start%n", sockets,
                children, upMillis);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            servers.forEach(BenchMiServer::close);
            stopped.countDown();
        }, "bench-serve-stop"));
        stopped.await();
        return 0;
    }
}
