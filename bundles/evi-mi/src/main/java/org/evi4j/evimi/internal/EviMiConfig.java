package org.evi4j.evimi.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the EVI MI commands (PID {@code org.evi4j.evi.mi}); every value has a default. */
@ObjectClassDefinition(name = "evi4j EVI MI commands", description = "Limits of the EVI MI commands per MI client")
@interface EviMiConfig {

    /** New subscriptions one MI client may create per hour (refreshes are free); 0 = no limit. */
    @AttributeDefinition(name = "Subscriptions per MI client", min = "0",
            description = "New subscriptions one MI client (its IP address, or its UNIX socket) may create per "
                    + "hour; refreshes do not count; 0 = no limit")
    int max__subscriptions__per__source() default SourceQuota.DEFAULT_PER_HOUR;
}
