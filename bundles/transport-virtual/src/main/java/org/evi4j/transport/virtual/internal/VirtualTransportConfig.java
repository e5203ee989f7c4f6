package org.evi4j.transport.virtual.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the virtual event transport (PID {@value VirtualTransport#PID}), OpenSIPS's module parameter. */
@ObjectClassDefinition(name = "evi4j virtual event transport",
        description = "Sends each event to the member sockets of virtual:POLICY subscribers (OpenSIPS event_virtual)")
public @interface VirtualTransportConfig {

    /**
     * Seconds a member that failed is skipped by FAILOVER and ROUND-ROBIN, counted in whole seconds as OpenSIPS's
     * timer does: it is tried again once more than this many whole seconds have passed since the failure.
     */
    @AttributeDefinition(name = "failover_timeout", min = "0",
            description = "Seconds a failed member is skipped by FAILOVER and ROUND-ROBIN (whole seconds, as OpenSIPS)")
    int failover__timeout() default 30;
}
