package org.evi4j.transport.kafka.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.evi4j.spi.SendResult;
import org.evi4j.support.ByteBoundedQueue;
import org.evi4j.support.LogLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka producer and the destinations that share it. Raising threads only copy events into its queue, bounded
 * in bytes; its producer thread ({@code evi4j-kafka-BROKERS}) creates the client and hands it the records, so that
 * the client's waits for metadata (a broker down, a topic being created) never reach a raising thread. A record the
 * client cannot take yet for want of metadata stays at the head of the queue and is handed over again; meanwhile
 * the queue fills and what does not fit is dropped. The client's delivery callbacks tell each destination's report
 * what became of its records.
 */
final class ProducerLink {

    private static final Logger LOG = LoggerFactory.getLogger(ProducerLink.class);
    private static final int BATCH = 512;
    /** Per record, besides the payload: the record, its callback and the queue's share. */
    private static final int OVERHEAD_BYTES = 96;
    private static final long CLOSE_FLUSH_MS = 2000;
    private static final long RETRY_CREATE_MS = 1000;
    private static final SendResult STOPPED = SendResult.failed("Kafka transport stopped");

    private final ProducerKey key;
    private final ProducerSettings settings;
    private final ByteBoundedQueue<Outgoing> queue;
    private final SendResult queueFull;
    private final Set<KafkaDestination> destinations = ConcurrentHashMap.newKeySet();
    private final ProducerCounters counters = new ProducerCounters();
    private final LogLimiter warnings = new LogLimiter(1, TimeUnit.MINUTES);
    private final Thread thread;
    private volatile boolean stopping;
    /** The producer thread's own: the client, the records taken from the queue, the failure of the send under way. */
    private Producer<byte[], byte[]> producer;
    private final ArrayDeque<Outgoing> pending = new ArrayDeque<>();
    private Outgoing sending;
    private Exception sendFailure;

    ProducerLink(ProducerKey key, ProducerSettings settings) {
        this.key = key;
        this.settings = settings;
        this.queue = new ByteBoundedQueue<>(settings.queueBytes(), Outgoing::weight);
        this.queueFull = SendResult.dropped("Kafka queue full: " + settings.queueBytes() + " bytes wait for "
                + key.bootstrap());
        this.thread = new Thread(this::run, "evi4j-kafka-" + key.bootstrap());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void attach(KafkaDestination destination) {
        destinations.add(destination);
    }

    /** @return whether no destination uses the producer any more */
    boolean detach(KafkaDestination destination) {
        destinations.remove(destination);
        return destinations.isEmpty();
    }

    /** Copies the record into the queue; never blocks. */
    SendResult offer(KafkaDestination destination, byte[] recordKey, byte[] value) {
        if (stopping) {
            return STOPPED;
        }
        Outgoing record = new Outgoing(destination, recordKey, value, System.currentTimeMillis());
        if (!queue.offer(record)) {
            counters.dropped.increment();
            return queueFull;
        }
        counters.queued.increment();
        // stopped meanwhile: unless the producer thread's last sweep already reported it, take it back
        if (stopping && queue.remove(record)) {
            counters.queued.decrement();
            return STOPPED;
        }
        return SendResult.PENDING;
    }

    KafkaProducerStats stats() {
        return counters.snapshot(key.toString(), queue.size(), queue.bytes());
    }

    /**
     * Asks the producer thread to stop, without waiting: it closes the client and reports what is left. Only the
     * first call interrupts it (a release and a deactivation may both stop it), so that a later one cannot cut the
     * client's closing short.
     */
    synchronized void stop() {
        if (!stopping) {
            stopping = true;
            thread.interrupt();
        }
    }

    boolean stopped() {
        return stopping && !thread.isAlive();
    }

    void awaitStop(long millis) throws InterruptedException {
        thread.join(millis);
        if (thread.isAlive()) {
            LOG.warn("Kafka producer thread {} did not stop in time", thread.getName());
        }
    }

    private void run() {
        try {
            while (!stopping) {
                if (pending.isEmpty()) {
                    queue.drainTo(pending, BATCH, 1, TimeUnit.SECONDS);
                } else if (producer == null) {
                    create();
                } else {
                    sendPending();
                }
            }
        } catch (InterruptedException | InterruptException e) {
            // stop() interrupts the wait for the next event or for metadata
        } finally {
            Thread.interrupted();
            close();
            dropLeftovers();
        }
    }

    private void create() throws InterruptedException {
        Map<String, Object> config = new HashMap<>(settings.defaults());
        config.putAll(key.properties());
        config.put("bootstrap.servers", key.bootstrap());
        config.put("max.block.ms", settings.maxBlockMs());
        try {
            producer = KafkaLoader.call(() -> new KafkaProducer<>(config, new ByteArraySerializer(),
                    new ByteArraySerializer()));
            LOG.debug("Kafka producer for {} created", key);
        } catch (KafkaException e) {
            String reason = "cannot create a Kafka producer for " + key.bootstrap() + ": " + Reasons.of(e);
            failPending(reason);
            warn(reason);
            Thread.sleep(RETRY_CREATE_MS);
        }
    }

    private void sendPending() {
        while (!pending.isEmpty() && !stopping) {
            Outgoing record = pending.peekFirst();
            if (record.destination.released()) {
                // its subscriber is gone: it must not hold up the others' records
                queue.release(pending.pollFirst());
                counters.dropped.increment();
                continue;
            }
            sending = record;
            sendFailure = null;
            try {
                producer.send(record.record(), record);
            } catch (InterruptException e) {
                throw e;
            } catch (KafkaException | IllegalStateException e) {
                sendFailure = e;
            } finally {
                sending = null;
            }
            if (sendFailure instanceof TimeoutException) {
                // no metadata for the topic after max.block.ms: it stays at the head, and is handed over again
                waitingForMetadata(record, sendFailure);
                return;
            }
            queue.release(pending.pollFirst());
            if (sendFailure != null) {
                record.failed(sendFailure);
            } else {
                counters.sent.increment();
                record.destination.report().sent(1);
            }
        }
    }

    private void waitingForMetadata(Outgoing record, Exception failure) {
        String reason = "Kafka " + key.bootstrap() + " not reachable for topic " + record.destination.topic() + ": "
                + Reasons.of(failure);
        counters.error(reason);
        destinations.forEach(destination -> destination.report().problem(reason));
        long suppressed = warnings.permit();
        if (suppressed >= 0) {
            LOG.warn("{}; retrying, {} events ({} bytes) waiting{}", reason, queue.size() + pending.size(),
                    queue.bytes(), suppressed(suppressed));
        }
    }

    private void warn(String reason) {
        counters.error(reason);
        long suppressed = warnings.permit();
        if (suppressed >= 0) {
            LOG.warn("{}{}", reason, suppressed(suppressed));
        }
    }

    private static String suppressed(long count) {
        return count == 0 ? "" : " (" + count + " similar warnings suppressed)";
    }

    private void failPending(String reason) {
        for (Outgoing record : pending) {
            queue.release(record);
            counters.failed.increment();
            record.destination.report().failed(1, reason);
        }
        pending.clear();
    }

    private void close() {
        Producer<byte[], byte[]> open = producer;
        producer = null;
        if (open != null) {
            try {
                // what the client holds gets a moment to reach the broker; the rest fails through the callbacks
                open.close(Duration.ofMillis(CLOSE_FLUSH_MS));
            } catch (KafkaException e) {
                LOG.debug("closing the Kafka producer for {}: {}", key, e.toString());
            }
        }
    }

    private void dropLeftovers() {
        List<Outgoing> left = new ArrayList<>(pending);
        pending.clear();
        queue.drainTo(left);
        left.forEach(queue::release);
        Map<KafkaDestination, Integer> counts = new HashMap<>();
        left.forEach(record -> counts.merge(record.destination, 1, Integer::sum));
        counts.forEach((destination, count) -> {
            counters.dropped.add(count);
            destination.report().dropped(count, "transport stopped");
        });
        LOG.debug("Kafka producer thread {} stopped ({} events dropped)", thread.getName(), left.size());
    }

    /** One event waiting to be produced, and the callback that reports its fate. */
    private final class Outgoing implements Callback {

        private final KafkaDestination destination;
        private final byte[] recordKey;
        private final byte[] value;
        private final long timestamp;

        Outgoing(KafkaDestination destination, byte[] recordKey, byte[] value, long timestamp) {
            this.destination = destination;
            this.recordKey = recordKey;
            this.value = value;
            this.timestamp = timestamp;
        }

        int weight() {
            return value.length + (recordKey == null ? 0 : recordKey.length) + OVERHEAD_BYTES;
        }

        /** The raise time as the record's CreateTime, as OpenSIPS's is the time it was queued. */
        ProducerRecord<byte[], byte[]> record() {
            return new ProducerRecord<>(destination.topic(), null, timestamp, recordKey, value);
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception failure) {
            if (failure == null) {
                counters.delivered.increment();
                destination.report().delivered(1);
            } else if (sending == this && Thread.currentThread() == thread) {
                // refused inside send(): the producer thread decides once send() returns
                sendFailure = failure;
            } else {
                failed(failure);
            }
        }

        void failed(Exception failure) {
            String reason = "Kafka " + key.bootstrap() + " topic " + destination.topic() + ": " + Reasons.of(failure);
            counters.failed.increment();
            destination.report().failed(1, reason);
            warn(reason);
        }
    }
}
