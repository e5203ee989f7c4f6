package org.evi4j.transport.udp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the UDP event transport (PID {@value UdpTransport#PID}). */
@ObjectClassDefinition(name = "evi4j UDP event transport",
        description = "Sends events as UDP datagrams to udp:HOST:PORT subscribers")
public @interface UdpTransportConfig {

    /** SO_SNDBUF of each outgoing socket in bytes; 0 keeps the operating system's default. */
    @AttributeDefinition(name = "send_buffer_size", min = "0",
            description = "Send buffer of each outgoing socket in bytes; 0 = operating system default")
    int send__buffer__size() default 0;

    /** The local address outgoing datagrams come from (IP literal or host name); empty = any. */
    @AttributeDefinition(name = "bind_address",
            description = "Local address outgoing datagrams come from; empty = any")
    String bind__address() default "";
}
