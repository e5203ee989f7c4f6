package org.evi4j.benchmarks;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * {@code bench mi}: closed-loop MI load on one client socket, {@code --inflight} requests outstanding at any time,
 * each reply matched to its request by its JSON-RPC id. A receive timeout counts every outstanding request as
 * lost; a reply that comes later is ignored. Works against any MI datagram server (evi4j, OpenSIPS, Kamailio).
 */
final class MiLoad {

    private final DatagramSocket socket;
    private final DatagramPacket out;
    private final DatagramPacket in = new DatagramPacket(new byte[65536], 65536);
    private final byte[] prefix;
    private final byte[] request = new byte[512];
    private final long[] sentAt;
    private final boolean[] answered;
    private final Latencies latencies;
    private int next;
    private int inFlight;
    private long ok;
    private long errors;
    private long lost;
    private long strays;

    private MiLoad(DatagramSocket socket, DatagramPacket out, String method, int count) {
        this.socket = socket;
        this.out = out;
        this.prefix = ("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"id\":").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(prefix, 0, request, 0, prefix.length);
        this.sentAt = new long[count];
        this.answered = new boolean[count];
        this.latencies = new Latencies(count);
    }

    static int run(Options o) throws IOException {
        String target = o.string("socket", "udp:127.0.0.1:8080");
        int count = o.integer("count", 100_000);
        int inflight = Math.max(1, o.integer("inflight", 1));
        int timeout = o.integer("timeout", 1000);
        String method = o.string("method", "uptime");
        Path dir = null;
        DatagramSocket socket;
        DatagramPacket out = new DatagramPacket(new byte[0], 0);
        if (target.startsWith("unix:")) {
            dir = Files.createTempDirectory(Path.of("/tmp"), "evbmi");
            AFUNIXDatagramSocket s = AFUNIXDatagramSocket.newInstance();
            s.bind(AFUNIXSocketAddress.of(dir.resolve("c.sock")));
            AFUNIXSocketAddress server = AFUNIXSocketAddress.of(Path.of(target.substring(5)));
            out.setAddress(server.wrapAddress());
            out.setPort(0);
            socket = s;
        } else {
            String hostPort = target.startsWith("udp:") ? target.substring(4) : target;
            int colon = hostPort.lastIndexOf(':');
            String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
            socket = new DatagramSocket();
            out.setSocketAddress(new InetSocketAddress(InetAddress.getByName(host),
                    Integer.parseInt(hostPort.substring(colon + 1))));
        }
        try {
            socket.setSoTimeout(timeout);
            MiLoad load = new MiLoad(socket, out, method, count);
            long start = System.nanoTime();
            load.loop(count, inflight);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("bench mi socket=%s method=%s count=%d inflight=%d ok=%d errors=%d lost=%d strays=%d"
                    + " wall_s=%.3f req_per_s=%.0f lat_us %s%n", target, method, count, inflight, load.ok,
                    load.errors, load.lost, load.strays, seconds, load.ok / seconds, load.latencies.summary());
            return load.ok == count && load.errors == 0 ? 0 : 1;
        } finally {
            socket.close();
            if (dir != null) {
                Files.deleteIfExists(dir.resolve("c.sock"));
                Files.deleteIfExists(dir);
            }
        }
    }

    private void loop(int count, int inflight) throws IOException {
        while (next < count && inFlight < inflight) {
            send();
        }
        // every pass receives one datagram or times out (which empties the window): bounded by count + strays
        while (inFlight > 0) {
            try {
                in.setLength(in.getData().length);
                socket.receive(in);
            } catch (SocketTimeoutException e) {
                lost += inFlight;
                inFlight = 0;
                while (next < count && inFlight < inflight) {
                    send();
                }
                continue;
            }
            long now = System.nanoTime();
            int id = idOf(in.getData(), in.getLength());
            if (id < 0 || id >= count || answered[id] || sentAt[id] == 0) {
                strays++;
                continue;
            }
            answered[id] = true;
            inFlight--;
            latencies.add(now - sentAt[id]);
            if (contains(in.getData(), in.getLength(), "\"error\"")) {
                errors++;
            } else {
                ok++;
            }
            if (next < count) {
                send();
            }
        }
    }

    private void send() throws IOException {
        int id = next++;
        int n = prefix.length;
        byte[] digits = Integer.toString(id).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(digits, 0, request, n, digits.length);
        n += digits.length;
        request[n++] = '}';
        out.setData(request, 0, n);
        sentAt[id] = System.nanoTime();
        socket.send(out);
        inFlight++;
    }

    /** The integer after {@code "id":}, or -1. */
    static int idOf(byte[] data, int length) {
        int at = indexOf(data, length, "\"id\":");
        if (at < 0) {
            return -1;
        }
        int i = at + 5;
        while (i < length && data[i] == ' ') {
            i++;
        }
        int value = 0;
        int digits = 0;
        while (i < length && data[i] >= '0' && data[i] <= '9' && digits < 10) {
            value = value * 10 + (data[i++] - '0');
            digits++;
        }
        return digits == 0 ? -1 : value;
    }

    private static boolean contains(byte[] data, int length, String text) {
        return indexOf(data, length, text) >= 0;
    }

    private static int indexOf(byte[] data, int length, String text) {
        outer:
        for (int i = 0; i + text.length() <= length; i++) {
            for (int j = 0; j < text.length(); j++) {
                if (data[i + j] != text.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
