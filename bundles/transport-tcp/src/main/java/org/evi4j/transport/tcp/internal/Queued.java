package org.evi4j.transport.tcp.internal;

/**
 * One event waiting to be written: its subscriber, its bytes, and its request id in reliable mode (0 for a
 * notification).
 */
record Queued(TcpDestination destination, byte[] bytes, int id) {
}
