package org.evi4j.transport.kafka.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka client properties of a socket's {@code g.NAME=V} and {@code t.NAME=V}: librdkafka's names (what an
 * OpenSIPS event_kafka socket uses) translated to the Java client's, Java names taken as they are, both prefixes
 * alike (the Java client has no topic configuration; OpenSIPS silently ignores topic properties given with
 * {@code g.}). Checked against the client's own definitions when a subscriber subscribes. Refused: names the
 * client does not know, bad values, what the transport sets itself, settings that load classes by name (an MI
 * client must not make evi4j load code), transactions, and the compression codecs the bundle does not carry.
 */
final class ClientProperties {

    /** librdkafka names whose Java name differs. */
    private static final Map<String, String> LIBRDKAFKA = Map.ofEntries(
            Map.entry("request.required.acks", "acks"),
            Map.entry("queue.buffering.max.ms", "linger.ms"),
            Map.entry("compression.codec", "compression.type"),
            Map.entry("message.timeout.ms", "delivery.timeout.ms"),
            Map.entry("message.max.bytes", "max.request.size"),
            Map.entry("message.send.max.retries", "retries"),
            Map.entry("sasl.mechanisms", "sasl.mechanism"));
    /** Set by the transport: the socket's brokers, the bytes as they are, the wait of the producer thread. */
    private static final Set<String> OWN = Set.of("bootstrap.servers", "key.serializer", "value.serializer",
            "max.block.ms");
    /** Lists of class names, and what makes the producer wait for transactions. */
    private static final Set<String> REFUSED = Set.of("metric.reporters", "interceptor.classes", "config.providers",
            "transactional.id", "transaction.timeout.ms");
    private static final Set<String> CODECS_NOT_EMBEDDED = Set.of("snappy", "lz4", "zstd");
    /** Kafka's own login modules, the only ones a socket may name in sasl.jaas.config. */
    private static final Set<String> LOGIN_MODULES = Set.of("org.apache.kafka.common.security.plain.PlainLoginModule",
            "org.apache.kafka.common.security.scram.ScramLoginModule");
    private static final ConfigDef DEFINITIONS = KafkaLoader.call(ProducerConfig::configDef);

    private ClientProperties() {
    }

    /** The Java name of a librdkafka or Java property name. */
    static String javaName(String name) {
        return LIBRDKAFKA.getOrDefault(name, name);
    }

    /**
     * Turns librdkafka's {@code sasl.username} and {@code sasl.password} into the Java client's
     * {@code sasl.jaas.config}, for the mechanism given (PLAIN by default, SCRAM-SHA-256/512).
     */
    static void translateSaslLogin(Map<String, String> properties) {
        String user = properties.remove("sasl.username");
        String password = properties.remove("sasl.password");
        if (user == null && password == null) {
            return;
        }
        if (user == null || password == null) {
            throw new IllegalArgumentException("sasl.username and sasl.password go together");
        }
        String mechanism = properties.getOrDefault("sasl.mechanism", "PLAIN");
        String module = mechanism.startsWith("SCRAM-") ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                : "org.apache.kafka.common.security.plain.PlainLoginModule";
        properties.putIfAbsent("sasl.jaas.config",
                module + " required username=\"" + quoted(user) + "\" password=\"" + quoted(password) + "\";");
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /**
     * Checks client properties (Java names) as the producer would parse them.
     *
     * @param where what they come from, for the message ({@code socket}, {@code configuration})
     * @throws IllegalArgumentException naming the first bad property and why
     */
    static void check(Map<String, String> properties, String where) {
        properties.forEach((name, value) -> checkName(name, value, where));
        Map<String, Object> parsed = new HashMap<>(properties);
        parsed.put("bootstrap.servers", "127.0.0.1:9092");
        parsed.put("key.serializer", ByteArraySerializer.class);
        parsed.put("value.serializer", ByteArraySerializer.class);
        try {
            KafkaLoader.call(() -> DEFINITIONS.parse(parsed));
        } catch (ConfigException e) {
            throw new IllegalArgumentException("bad Kafka property in the " + where + ": " + e.getMessage(), e);
        }
    }

    private static void checkName(String name, String value, String where) {
        ConfigDef.ConfigKey key = DEFINITIONS.configKeys().get(name);
        if (key == null) {
            throw new IllegalArgumentException("unknown Kafka producer property '" + name + "' in the " + where);
        }
        if (OWN.contains(name)) {
            throw new IllegalArgumentException("Kafka property '" + name + "' is set by evi4j, not by the " + where);
        }
        if (REFUSED.contains(name) || key.type == ConfigDef.Type.CLASS) {
            throw new IllegalArgumentException("Kafka property '" + name + "' is not accepted from the " + where
                    + " (it loads classes or waits for transactions)");
        }
        if ("compression.type".equals(name) && CODECS_NOT_EMBEDDED.contains(value)) {
            throw new IllegalArgumentException("compression.type " + value + " is not available in the " + where
                    + ": evi4j's Kafka transport carries no " + value + " codec; use gzip or none");
        }
        if ("sasl.jaas.config".equals(name) && LOGIN_MODULES.stream().noneMatch(value.strip()::startsWith)) {
            throw new IllegalArgumentException("sasl.jaas.config in the " + where + " may only name Kafka's "
                    + "PlainLoginModule or ScramLoginModule");
        }
    }
}
