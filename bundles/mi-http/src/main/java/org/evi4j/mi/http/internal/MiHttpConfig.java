package org.evi4j.mi.http.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the MI over HTTP (PID {@code org.evi4j.mi.http}); names as OpenSIPS's {@code mi_http}. */
@ObjectClassDefinition(id = MiHttpEndpoint.PID, name = "evi4j MI over HTTP",
        description = "JSON-RPC 2.0 MI requests by HTTP POST, answered as OpenSIPS mi_http answers them")
public @interface MiHttpConfig {

    /** The path under the HTTP service's root: {@code mi} serves {@code /mi} and {@code /mi/...}. */
    @AttributeDefinition(name = "Root", description = "path of the MI under the HTTP service, without slashes")
    String root() default "mi";
}
