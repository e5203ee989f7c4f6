package org.evi4j.mi.http.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Who may use evi4j's HTTP face (PID {@code org.evi4j.http}): every evi4j servlet sits behind it. */
@ObjectClassDefinition(id = HttpGuard.PID, name = "evi4j HTTP guard",
        description = "Allowed sources, authentication and cross-origin refusal for every evi4j HTTP path")
public @interface HttpGuardConfig {

    /** CIDRs whose requests are served; others get 403. */
    @AttributeDefinition(name = "Allowed sources", description = "comma-separated CIDRs, e.g. 127.0.0.0/8,::1/128")
    String[] allowed__sources() default {"127.0.0.0/8", "::1/128"};

    /** With a password hash: the one user name HTTP basic authentication accepts. */
    @AttributeDefinition(name = "Basic auth user", required = false)
    String basic__auth__user() default "";

    /** {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}, never the password in clear. */
    @AttributeDefinition(name = "Basic auth password hash", required = false,
            description = "pbkdf2-sha256$ITERATIONS$SALT$HASH (see docs/http.md for the command that makes one)")
    String basic__auth__password() default "";

    /** A JAAS realm to check basic auth credentials against, e.g. Karaf's {@code karaf}; empty for none. */
    @AttributeDefinition(name = "JAAS realm", required = false)
    String jaas__realm() default "";

    /**
     * Origins besides the server's own that may send state-changing requests ({@code https://ops.example.org}).
     * Only a page from the server itself, reached by an IP address or {@code localhost}, is allowed otherwise.
     */
    @AttributeDefinition(name = "Allowed origins", required = false)
    String[] allowed__origins() default {};
}
