package org.evi4j.benchmarks;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bench subscribe}: {@code event_subscribe} round trips over a UDP MI socket, each client one request at a
 * time (a reply before the next request), {@code --clients} clients at once. Every request changes a subscription
 * (each client refreshes its own {@code --sockets} subscribers in turn), so with a persisting core every answer
 * waits for a disk force: one client shows the cost of one durable change, several show whether concurrent
 * changes share a force.
 */
final class SubscribeLoad {

    private SubscribeLoad() {
    }

    static int run(Options o) throws Exception {
        String target = o.string("socket", "udp:127.0.0.1:8080");
        int count = o.integer("count", 2000);
        int clients = Math.max(1, o.integer("clients", 1));
        int sockets = o.integer("sockets", 100);
        String event = o.string("event", "E_DEMO");
        String hostPort = target.startsWith("udp:") ? target.substring(4) : target;
        int colon = hostPort.lastIndexOf(':');
        InetSocketAddress server = new InetSocketAddress(InetAddress.getByName(hostPort.substring(0, colon)),
                Integer.parseInt(hostPort.substring(colon + 1)));
        Latencies latencies = new Latencies(count * clients);
        AtomicLong errors = new AtomicLong();
        double seconds = Clients.run("bench-subscribe", clients, client -> {
            try {
                loop(server, event, 20_000 + client * sockets, sockets, count, latencies, errors);
            } catch (IOException e) {
                errors.addAndGet(count);
                System.err.println("client " + client + ": " + e);
            }
        });
        long total = (long) count * clients;
        System.out.printf("bench subscribe socket=%s clients=%d count=%d errors=%d wall_s=%.3f req_per_s=%.0f"
                + " lat_us %s%n", target, clients, total, errors.get(), seconds, total / seconds,
                latencies.summary());
        return errors.get() == 0 ? 0 : 1;
    }

    private static void loop(InetSocketAddress server, String event, int firstPort, int sockets, int count,
            Latencies latencies, AtomicLong errors) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(server);
            socket.setSoTimeout(5000);
            DatagramPacket in = new DatagramPacket(new byte[65536], 65536);
            for (int i = 0; i < count; i++) {
                byte[] request = ("{\"jsonrpc\":\"2.0\",\"method\":\"event_subscribe\",\"params\":[\"" + event
                        + "\",\"udp:127.0.0.1:" + (firstPort + i % sockets) + "\"," + (600 + i % 7) + "],\"id\":"
                        + i + "}").getBytes(StandardCharsets.UTF_8);
                long t = System.nanoTime();
                socket.send(new DatagramPacket(request, request.length));
                socket.receive(in);
                latencies.add(System.nanoTime() - t);
                String reply = new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8);
                if (!reply.contains("\"result\"")) {
                    errors.incrementAndGet();
                }
            }
        }
    }
}
