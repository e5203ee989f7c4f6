package org.evi4j.transport.tcp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the TCP stream event transport (PID {@value TcpTransport#PID}): OpenSIPS event_stream's module
 * parameters under their names and defaults, then evi4j's own. Every value has a default.
 */
@ObjectClassDefinition(name = "evi4j TCP stream event transport",
        description = "Writes events as JSON-RPC over persistent TCP connections to tcp:HOST:PORT[/METHOD] "
                + "subscribers (OpenSIPS event_stream)")
public @interface TcpTransportConfig {

    @AttributeDefinition(name = "reliable_mode",
            description = "Send every event as a JSON-RPC request with an id and wait for the reply: a reply "
                    + "within timeout counts as delivered, an error reply or none as failed. "
                    + "true/false, 1/0 or yes/no")
    String reliable__mode() default "0";

    @AttributeDefinition(name = "timeout", min = "1",
            description = "reliable_mode: how long a written request waits for its reply, in milliseconds")
    int timeout() default 1000;

    @AttributeDefinition(name = "event_param",
            description = "When set, events with parameters get an extra first parameter of this name holding "
                    + "the event name; empty = none")
    String event__param() default "";

    @AttributeDefinition(name = "queue_bytes", min = "1024",
            description = "Bytes of events waiting to be written, per connection; events past it are dropped")
    int queue__bytes() default 4 * 1024 * 1024;

    @AttributeDefinition(name = "reconnect_min_ms", min = "1",
            description = "First wait before connecting again after a failure or a close by the peer, in "
                    + "milliseconds; doubles up to reconnect_max_ms")
    long reconnect__min__ms() default 100;

    @AttributeDefinition(name = "reconnect_max_ms", min = "1",
            description = "Longest wait between two connection attempts, in milliseconds")
    long reconnect__max__ms() default 30000;

    @AttributeDefinition(name = "connect_timeout_ms", min = "1",
            description = "How long a connection attempt may take, in milliseconds")
    int connect__timeout__ms() default 2000;
}
