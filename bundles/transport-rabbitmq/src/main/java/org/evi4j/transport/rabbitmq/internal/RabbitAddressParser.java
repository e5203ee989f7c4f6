package org.evi4j.transport.rabbitmq.internal;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

import org.evi4j.spi.DeliveryReport;
import org.evi4j.support.HostResolver;
import org.evi4j.support.LogText;

/**
 * Parses the part of a {@code rabbitmq:} socket string after the scheme, as OpenSIPS event_rabbitmq does:
 * {@code [user[:password]@]host[:port]/[params?]routing_key}, with {@code guest:guest} and port 5672 by default,
 * params {@code exchange=NAME} and {@code persistent} separated by {@code ;}, {@code [v6]} hosts in brackets and
 * {@code %XX} escapes in the user, password, exchange and key; a user without a password logs in with an empty
 * one. The host is resolved here and kept as written. Refusals never quote the password: the text they quote has
 * it masked.
 */
final class RabbitAddressParser {

    static final String SYNTAX = "[user[:password]@]host[:port]/[exchange=NAME;persistent?]routing_key";

    private static final String DEFAULT_LOGIN = "guest";
    private static final int DEFAULT_PORT = 5672;
    private static final int MAX_PORT = 65535;
    /** AMQP short strings: exchange names and routing keys. */
    private static final int MAX_NAME_BYTES = 255;
    private static final String EXCHANGE = "exchange=";
    private static final String PERSISTENT = "persistent";
    private static final String TLS_DOMAIN = "tls_domain";

    private final String text;
    private final HostResolver resolver;

    private RabbitAddressParser(String text, HostResolver resolver) {
        this.text = text;
        this.resolver = resolver;
    }

    /** Parses with host names resolved by {@code resolver} (within its timeout). */
    static RabbitDestination parse(String text, DeliveryReport report, HostResolver resolver) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty RabbitMQ address: expected " + SYNTAX);
        }
        return new RabbitAddressParser(text, resolver).destination(report);
    }

    private RabbitDestination destination(DeliveryReport report) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw refusal("no '/' before the routing key: expected " + SYNTAX);
        }
        String authority = text.substring(0, slash);
        int at = authority.lastIndexOf('@');
        String user = DEFAULT_LOGIN;
        String password = DEFAULT_LOGIN;
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            user = decode("user name", colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? "" : decode("password", userInfo.substring(colon + 1));
            if (user.isEmpty()) {
                throw refusal("empty user name before '@'");
            }
        }
        HostPort where = hostPort(authority.substring(at + 1));
        String path = text.substring(slash + 1);
        int question = path.indexOf('?');
        String routingKey = name("routing key", path.substring(question + 1));
        if (routingKey.isEmpty()) {
            throw refusal("empty routing key: expected " + SYNTAX);
        }
        Params params = params(question < 0 ? "" : path.substring(0, question));
        BrokerKey broker = new BrokerKey(user, password, where.host(), resolve(where.host()), where.port());
        return new RabbitDestination(broker, params.exchange(), routingKey, params.persistent(), report);
    }

    private record HostPort(String host, int port) {
    }

    private record Params(String exchange, boolean persistent) {
    }

    private Params params(String params) {
        String exchange = null;
        boolean persistent = false;
        for (String param : params.isEmpty() ? new String[0] : params.split(";", -1)) {
            if (param.equals(PERSISTENT)) {
                if (persistent) {
                    throw refusal("parameter 'persistent' given twice");
                }
                persistent = true;
            } else if (param.startsWith(EXCHANGE)) {
                if (exchange != null) {
                    throw refusal("parameter 'exchange' given twice");
                }
                exchange = name("exchange", param.substring(EXCHANGE.length()));
                if (exchange.isEmpty()) {
                    throw refusal("empty exchange name: write exchange=NAME, or leave it out for the default");
                }
            } else if (param.startsWith(TLS_DOMAIN)) {
                throw refusal("TLS is not supported yet (parameter tls_domain)");
            } else {
                throw refusal("unknown parameter '" + mask(param) + "': expected exchange=NAME or persistent, "
                        + "separated by ';' and ended by '?'");
            }
        }
        return new Params(exchange == null ? "" : exchange, persistent);
    }

    private HostPort hostPort(String hostPort) {
        String host;
        String port;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw refusal("missing ']' after the IPv6 address");
            }
            host = hostPort.substring(0, close + 1);
            if (host.length() == 2 || host.indexOf(':') < 0) {
                throw refusal("not an IPv6 address in brackets");
            }
            String rest = hostPort.substring(close + 1);
            if (!rest.isEmpty() && rest.charAt(0) != ':') {
                throw refusal("unexpected text after ']': expected [IPv6]:PORT");
            }
            port = rest.isEmpty() ? null : rest.substring(1);
        } else {
            int colon = hostPort.indexOf(':');
            if (colon >= 0 && hostPort.indexOf(':', colon + 1) >= 0) {
                throw refusal("IPv6 address without brackets: write it as [ADDRESS], e.g. [::1]:5672");
            }
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            port = colon < 0 ? null : hostPort.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw refusal("no host: expected " + SYNTAX);
        }
        return new HostPort(host, port == null ? DEFAULT_PORT : port(port));
    }

    private int port(String digits) {
        if (digits.isEmpty()) {
            throw refusal("empty port after ':'");
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                // not quoted: in "user:pass/word@host" the "port" is a piece of the password
                throw refusal("the port is not a number");
            }
        }
        int port = digits.length() > 5 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        if (port < 1 || port > MAX_PORT) {
            throw refusal("the port is out of range 1-" + MAX_PORT);
        }
        return port;
    }

    private InetAddress resolve(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c <= ' ' || c == 0x7f || "/?;@".indexOf(c) >= 0) {
                throw refusal("invalid character in the host");
            }
        }
        try {
            // in brackets the JDK accepts only an IPv6 literal and never asks DNS
            return resolver.resolve(host);
        } catch (IllegalArgumentException e) {
            throw refusal(e.getMessage().contains("within") ? "the host did not resolve in time"
                    : "the host does not resolve");
        }
    }

    private String name(String what, String escaped) {
        String name = decode(what, escaped);
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw refusal(what + " longer than " + MAX_NAME_BYTES + " bytes");
        }
        return name;
    }

    private String decode(String what, String escaped) {
        String decoded = PercentCoding.decode(escaped);
        if (decoded == null) {
            throw refusal("bad %-escape or lone surrogate in the " + what
                    + ": write %XX with two hex digits, of UTF-8 bytes");
        }
        return decoded;
    }

    private IllegalArgumentException refusal(String why) {
        return new IllegalArgumentException(why + " in RabbitMQ address '" + LogText.escape(maskWhole(text)) + "'");
    }

    /**
     * The whole address masked; without an '@' the port is masked too, since {@code user:password/key} (the host
     * forgotten) reads as host {@code user}, port {@code password}.
     */
    private static String maskWhole(String text) {
        String masked = mask(text);
        int slash = text.indexOf('/');
        String authority = slash < 0 ? text : text.substring(0, slash);
        int colon = authority.indexOf(':');
        if (masked.equals(text) && colon >= 0 && authority.indexOf('@') < 0 && !authority.startsWith("[")) {
            return authority.substring(0, colon + 1) + "***" + text.substring(authority.length());
        }
        return masked;
    }

    /**
     * The text with what may be a password replaced by {@code ***} ({@link LogText#maskAddress}, the one rule).
     * Refusals quote no piece of the authority alone: a piece cut at the wrong place may be part of a password.
     */
    private static String mask(String piece) {
        return LogText.maskAddress(piece);
    }
}
