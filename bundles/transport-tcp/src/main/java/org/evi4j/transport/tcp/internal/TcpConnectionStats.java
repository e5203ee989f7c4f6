package org.evi4j.transport.tcp.internal;

/**
 * A snapshot of one connection's counters, all since the connection was first used.
 *
 * @param target       {@code ip:port}
 * @param connected    whether the connection is open now
 * @param waitingBytes bytes of events in the queue now
 * @param queued       events taken into the queue
 * @param sent         events written whole to the socket
 * @param delivered    reliable mode: events answered by a reply without error
 * @param failed       events lost: written in part when the connection broke, answered with an error, not
 *                     answered within the timeout, or waiting for their reply when the connection closed
 * @param dropped      events not taken (queue full) or given up (transport stopped, destination released)
 * @param connects     connections opened
 * @param lastError    the last connection problem, or {@code null}
 */
public record TcpConnectionStats(String target, boolean connected, long waitingBytes, long queued, long sent,
        long delivered, long failed, long dropped, long connects, String lastError) {
}
