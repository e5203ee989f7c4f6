package org.evi4j.transport.kafka.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.evi4j.spi.DeliveryReport;

/**
 * Parses the part of a {@code kafka:} socket string after the scheme, as OpenSIPS event_kafka does:
 * {@code brokers/topic[?properties]}, the brokers a comma-separated {@code host[:port]} list (port 9092 by default,
 * {@code [v6]} in brackets, blanks around entries allowed), everything after the first {@code ?} properties
 * {@code NAME=VALUE} joined by {@code &}: {@code g.NAME} and {@code t.NAME} client properties, {@code key=callid}.
 * Where OpenSIPS accepts a socket that can never deliver (no brokers, a topic Kafka refuses, a property the client
 * does not know or a bad value) or crashes (a {@code /} or {@code ?} with nothing after it), this refuses it with a
 * message that says why. Broker hosts are resolved here, for {@code allowed_destinations}.
 */
final class KafkaAddressParser {

    static final String SYNTAX = "brokers/topic[?g.NAME=VALUE&t.NAME=VALUE&key=callid]";

    private static final int DEFAULT_PORT = 9092;
    private static final int MAX_TOPIC = 249;
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]+");
    private static final String CALLID = "callid";

    private KafkaAddressParser() {
    }

    static KafkaDestination parse(String text, DeliveryReport report) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("no Kafka socket given: expected " + SYNTAX);
        }
        int question = text.indexOf('?');
        String where = question < 0 ? text : text.substring(0, question);
        int slash = where.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("missing topic in '" + where + "': expected " + SYNTAX);
        }
        List<InetAddress> addresses = new ArrayList<>();
        String bootstrap = brokers(where.substring(0, slash), addresses);
        String topic = topic(where.substring(slash + 1));
        Map<String, String> properties = new LinkedHashMap<>();
        boolean keyed = false;
        if (question >= 0) {
            keyed = properties(text.substring(question + 1), properties);
        }
        ClientProperties.translateSaslLogin(properties);
        ClientProperties.check(properties, "socket");
        return new KafkaDestination(text, where, new ProducerKey(bootstrap, properties), topic, keyed,
                leastTrusted(addresses), report);
    }

    private static String brokers(String text, List<InetAddress> addresses) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("no Kafka broker before the '/': expected host[:port][,host[:port]...]");
        }
        StringBuilder bootstrap = new StringBuilder();
        for (String entry : text.split(",", -1)) {
            String broker = entry.strip();
            if (broker.isEmpty()) {
                throw new IllegalArgumentException("empty entry in the Kafka broker list '" + text + "'");
            }
            bootstrap.append(bootstrap.length() == 0 ? "" : ",").append(broker(broker, addresses));
        }
        return bootstrap.toString();
    }

    /** {@code host:port} for the client, the host resolved into {@code addresses}. */
    private static String broker(String broker, List<InetAddress> addresses) {
        String host = broker;
        String port = null;
        if (broker.startsWith("[")) {
            int close = broker.indexOf(']');
            if (close < 0 || close + 1 < broker.length() && broker.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("bad IPv6 Kafka broker '" + broker + "': expected [address]:port");
            }
            host = broker.substring(0, close + 1);
            port = close + 1 < broker.length() ? broker.substring(close + 2) : null;
        } else if (broker.indexOf(':') >= 0) {
            int colon = broker.indexOf(':');
            if (broker.indexOf(':', colon + 1) >= 0) {
                throw new IllegalArgumentException("bad Kafka broker '" + broker + "': IPv6 addresses go in brackets, "
                        + "[address]:port");
            }
            host = broker.substring(0, colon);
            port = broker.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("no host in the Kafka broker '" + broker + "'");
        }
        addresses.add(resolve(host));
        return host + ':' + port(port, broker);
    }

    private static int port(String port, String broker) {
        if (port == null) {
            return DEFAULT_PORT;
        }
        try {
            int value = Integer.parseInt(port);
            if (value >= 1 && value <= 65535 && port.chars().allMatch(Character::isDigit)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("bad port in the Kafka broker '" + broker + "': expected 1-65535");
    }

    private static InetAddress resolve(String host) {
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        try {
            InetAddress address = InetAddress.getByName(name);
            if (host.startsWith("[") != address instanceof Inet6Address) {
                throw new IllegalArgumentException("bad Kafka broker host '" + host + "': IPv6 addresses, and only "
                        + "they, go in brackets");
            }
            return address;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown Kafka broker host '" + name + "'", e);
        }
    }

    private static String topic(String topic) {
        if (topic.isEmpty()) {
            throw new IllegalArgumentException("missing topic after the '/': expected " + SYNTAX);
        }
        if (topic.indexOf('/') >= 0) {
            throw new IllegalArgumentException("unexpected '/' in the Kafka topic '" + topic + "'");
        }
        if (topic.length() > MAX_TOPIC || !TOPIC.matcher(topic).matches() || ".".equals(topic)
                || "..".equals(topic)) {
            throw new IllegalArgumentException("bad Kafka topic name '" + topic + "': up to " + MAX_TOPIC
                    + " of a-z A-Z 0-9 . _ - (not '.' or '..')");
        }
        return topic;
    }

    /** Fills the client properties (the first of a name wins, as in OpenSIPS); whether {@code key=callid} came. */
    private static boolean properties(String text, Map<String, String> properties) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("missing properties after the '?': expected " + SYNTAX);
        }
        boolean keyed = false;
        for (String property : text.split("&", -1)) {
            int equals = property.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("missing property name in '" + property + "': expected NAME=VALUE "
                        + "joined by '&'");
            }
            String name = property.substring(0, equals);
            String value = property.substring(equals + 1);
            if (value.indexOf('=') >= 0) {
                throw new IllegalArgumentException("unexpected '=' in the value of property '" + name + "'");
            }
            if ("key".equals(name)) {
                if (!CALLID.equals(value)) {
                    throw new IllegalArgumentException("unsupported key '" + value + "': only key=callid");
                }
                keyed = true;
            } else if ((name.startsWith("g.") || name.startsWith("t.")) && name.length() > 2) {
                properties.putIfAbsent(ClientProperties.javaName(name.substring(2)), value);
            } else {
                throw new IllegalArgumentException("unknown property '" + name + "': expected g.NAME, t.NAME or key");
            }
        }
        return keyed;
    }

    /** Global before site-local before link-local before loopback: the one allowed_destinations is least likely to allow. */
    private static InetAddress leastTrusted(List<InetAddress> addresses) {
        InetAddress worst = addresses.get(0);
        for (InetAddress address : addresses) {
            if (rank(address) > rank(worst)) {
                worst = address;
            }
        }
        return worst;
    }

    private static int rank(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return 0;
        }
        if (address.isLinkLocalAddress()) {
            return 1;
        }
        return address.isSiteLocalAddress() ? 2 : 3;
    }
}
