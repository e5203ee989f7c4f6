package org.evi4j.transport.flatstore.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the flatstore event transport (PID {@value FlatstoreTransport#PID}): OpenSIPS event_flatstore's
 * module parameters under their names and defaults, then evi4j's own. Every value has a default.
 */
@ObjectClassDefinition(name = "evi4j flatstore event transport",
        description = "Appends events as delimited lines to files for flatstore:/PATH subscribers "
                + "(OpenSIPS event_flatstore)")
public @interface FlatstoreTransportConfig {

    @AttributeDefinition(name = "delimiter",
            description = "Written between the event name and each value; any length")
    String delimiter() default ",";

    @AttributeDefinition(name = "escape_delimiter",
            description = "Written instead of the delimiter where a string value holds it; same length as the "
                    + "delimiter. Empty: the delimiter's first character becomes a space (OpenSIPS's behaviour)")
    String escape__delimiter() default "";

    @AttributeDefinition(name = "suppress_event_name",
            description = "Do not write the event name (nor a delimiter before the first value). "
                    + "true/false, 1/0 or yes/no")
    String suppress__event__name() default "0";

    @AttributeDefinition(name = "file_permissions",
            description = "Mode of the files created, in octal; the process umask applies")
    String file__permissions() default "0644";

    @AttributeDefinition(name = "max_open_sockets", min = "1", max = "65535",
            description = "How many distinct files may be written at once")
    int max__open__sockets() default 100;

    @AttributeDefinition(name = "allowed_folders",
            description = "Folders (real paths) subscribers' files may be in, comma-separated. Empty: the "
                    + "runtime's data folder's \"flatstore\" folder")
    String[] allowed__folders() default {};

    @AttributeDefinition(name = "queue_bytes", min = "1024",
            description = "Bytes of lines waiting to be written; lines past it are dropped and counted")
    int queue__bytes() default 4 * 1024 * 1024;
}
