package org.evi4j.transport.tcp.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

import org.evi4j.spi.DeliveryReport;
import org.evi4j.support.LinkedDestination;

/**
 * A parsed {@code tcp:} destination: the host as written, the port, the optional JSON-RPC method, the resolved
 * IPv4 address and the subscriber's report. Two destinations are the same subscriber when host text, port and
 * method are equal (OpenSIPS meant that; its {@code stream_match} never matches a socket with a method). It finds
 * its connection, shared by every destination of the same IP and port, on its first send.
 */
final class TcpDestination extends LinkedDestination<TcpConnection> {

    private final String address;
    private final String method;
    private final InetSocketAddress target;

    /** @param method {@code null} when the JSON-RPC method is the event name */
    TcpDestination(String host, int port, String method, InetAddress ip, DeliveryReport report) {
        super(report);
        this.address = host + ':' + port + (method == null ? "" : '/' + method);
        this.method = method;
        this.target = new InetSocketAddress(ip, port);
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public Optional<InetAddress> inetAddress() {
        return Optional.of(target.getAddress());
    }

    /** The JSON-RPC method, or {@code null} for the event name. */
    String method() {
        return method;
    }

    /** Where the connection goes; destinations with equal targets share one connection. */
    InetSocketAddress target() {
        return target;
    }






    @Override
    public String toString() {
        return "tcp:" + address;
    }
}
