package org.evi4j.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.evi4j.testkit.FuzzMutator;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Issue 7: 50,000 mutated MI requests (the testkit's deterministic fuzzer over the MI vector requests) over a
 * real UDP and a real UNIX MI socket; afterwards both still answer {@code version} and every reader thread lives.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FelixMiFuzzIT extends InFullRuntime {

    private static final long SEED = 0x7e514a11L;
    private static final int PER_SOCKET = 25_000;
    /** UDP has no flow control: after this many datagrams, wait for the server to have read them. */
    private static final int WINDOW = 32;
    private static final long WINDOW_WAIT_MILLIS = 500;
    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    /** How long a UNIX send may wait for room in the server's queue (see {@link PeerDrain}). */
    private static final int UNIX_SEND_TIMEOUT_MILLIS = 3000;
    /** The largest UDP payload the host sends at all. */
    private static final int MAX_UDP_PAYLOAD = 65507;

    private FuzzMutator mutator;

    @Before
    public void setUp() throws IOException {
        List<byte[]> seeds = new ArrayList<>(FuzzMutator.miRequests("mi-jsonrpc.json"));
        seeds.addAll(FuzzMutator.miRequests("mi-legacy.json"));
        mutator = new FuzzMutator(SEED, seeds);
    }

    @Test
    public void fiftyThousandMutatedRequestsLeaveBothSocketsAnswering() throws Exception {
        String unixSocket = "unix:" + temp.path("mi.sock");
        MiServer udp = MiServer.start(configurationAdmin, MiServer.freeUdpSocketName());
        MiServer unix = MiServer.start(configurationAdmin, unixSocket);
        try (DatagramPeer udpClient = DatagramPeer.udp(); DatagramPeer unixClient = DatagramPeer.unix(temp.path("c"))) {
            udp.awaitAnswer(udpClient);
            unix.awaitAnswer(unixClient);
            List<String> readersBefore = MiServer.readerThreads("");
            assertThat(readersBefore).as("reader threads").hasSize(2);
            MiSocketBean udpBean = new MiSocketBean(udp.socketName());
            MiSocketBean unixBean = new MiSocketBean(unixSocket);
            long udpRead = udpBean.get("Requests");
            long unixRead = unixBean.get("Requests");

            long udpSent;
            long unixSent;
            // replies are read all along: a UNIX reply finding the client's queue full would hold the server
            try (PeerDrain udpReplies = PeerDrain.start(udpClient, "udp");
                    PeerDrain unixReplies = PeerDrain.start(unixClient, "unix", UNIX_SEND_TIMEOUT_MILLIS)) {
                udpSent = fuzz(udpClient, udp.socketName(), 0, udpBean);
                unixSent = fuzz(unixClient, unixSocket, PER_SOCKET, null);
                awaitRead(unixBean, unixRead + unixSent, Await.TIMEOUT_MILLIS);
            }
            udpRead = udpBean.get("Requests") - udpRead;
            unixRead = unixBean.get("Requests") - unixRead;
            System.out.printf("MI fuzz, seed %d: udp %d sent, %d read, %d errors; unix %d sent, %d read, %d errors, "
                    + "%d replies dropped%n", SEED, udpSent, udpRead, udpBean.get("Errors"), unixSent, unixRead,
                    unixBean.get("Errors"), unixBean.get("RepliesDropped"));

            assertThat(udpSent + unixSent).as("mutated datagrams sent").isGreaterThanOrEqualTo(2L * PER_SOCKET);
            assertThat(unixRead).as("UNIX requests read (replies %d, dropped %d; readers now: %s)",
                    unixBean.get("Replies"), unixBean.get("RepliesDropped"), readerStacks()).isEqualTo(unixSent);
            assertThat(udpRead).as("UDP requests read (the kernel may drop a few)").isGreaterThan(udpSent * 9 / 10);
            assertThat(MiServer.readerThreads("")).as("reader threads after the fuzz").isEqualTo(readersBefore);
            udp.awaitAnswer(udpClient);
            unix.awaitAnswer(unixClient);
            assertAnswers(udpClient, udp.socketName());
            assertAnswers(unixClient, unixSocket);
        } finally {
            udp.close();
            unix.close();
        }
    }

    /**
     * Sends {@link #PER_SOCKET} cases from {@code first} on. Over UDP ({@code bean} given) it waits every
     * {@link #WINDOW} datagrams until the server has read them, or briefly when the kernel dropped some; a UNIX
     * send blocks by itself while the server's queue is full. Cases a socket cannot carry are skipped, not counted.
     *
     * @return how many datagrams were sent
     */
    private long fuzz(DatagramPeer client, String socket, long first, MiSocketBean bean) throws IOException {
        long base = bean == null ? 0 : bean.get("Requests");
        long sent = 0;
        for (long i = first; sent < PER_SOCKET; i++) {
            byte[] datagram = mutator.datagram(i);
            if (datagram.length == 0 && bean == null || datagram.length > MAX_UDP_PAYLOAD) {
                continue; // junixsocket sends no empty datagram; the IP stack no larger one
            }
            try {
                client.sendTo(socket, datagram);
            } catch (IOException e) {
                throw new AssertionError(mutator.describe(i) + ": send to " + socket + " failed", e);
            }
            sent++;
            if (bean != null && sent % WINDOW == 0) {
                // what the kernel dropped is never read: count on the rest only
                base = awaitRead(bean, base + sent, WINDOW_WAIT_MILLIS) - sent;
            }
        }
        return sent;
    }

    /** Waits (bounded) until the server has read {@code requests} in all; returns how many it has read. */
    private static long awaitRead(MiSocketBean bean, long requests, long maxMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        long read = bean.get("Requests");
        while (read < requests && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(POLL_NANOS);
            read = bean.get("Requests");
        }
        return Math.min(read, requests);
    }

    /** Where each MI reader thread is, for a failure message. */
    private static String readerStacks() {
        StringBuilder out = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().startsWith("evi4j-mi-")) {
                out.append('\n').append(thread.getName()).append(' ').append(thread.getState());
                for (int i = 0; i < Math.min(8, stack.length); i++) {
                    out.append("\n  at ").append(stack[i]);
                }
            }
        });
        return out.toString();
    }

    private static void assertAnswers(DatagramPeer client, String socket) throws IOException {
        assertThat(Mi.call(client, socket, new String(MiServer.VERSION_REQUEST, StandardCharsets.UTF_8)))
                .matches(MiServer.VERSION_REPLY);
    }
}
