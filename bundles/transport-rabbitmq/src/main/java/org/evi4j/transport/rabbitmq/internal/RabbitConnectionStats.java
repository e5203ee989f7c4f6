package org.evi4j.transport.rabbitmq.internal;

/**
 * A snapshot of one broker connection's counters, all since the connection was first used.
 *
 * @param broker     {@code user@host:port}
 * @param connected  whether the connection is open now
 * @param waiting    events in the queue now
 * @param queued     events taken into the queue
 * @param published  events handed to the broker
 * @param confirmed  events the broker confirmed
 * @param nacked     events the broker refused
 * @param failed     events lost unconfirmed when their channel or connection closed
 * @param dropped    events not taken (queue full) or given up (transport stopped)
 * @param reconnects connections opened again after the first
 * @param lastError  the last connection or channel error, or {@code null}
 */
public record RabbitConnectionStats(String broker, boolean connected, int waiting, long queued, long published,
        long confirmed, long nacked, long failed, long dropped, long reconnects, String lastError) {
}
