package org.evi4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/** Closed-loop clients: one thread each, started together, waited for; how long they took together. */
final class Clients {

    private Clients() {
    }

    /**
     * Runs {@code body} once per client, each on its own thread, given the client's number.
     *
     * @return the seconds from the first start to the last end
     */
    static double run(String name, int clients, IntConsumer body) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> body.accept(client), name + "-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
