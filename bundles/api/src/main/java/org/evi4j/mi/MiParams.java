package org.evi4j.mi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The parameters of one MI request, by name, after the dispatcher matched them to one of the command's recipes.
 * The getters convert and report errors as OpenSIPS does.
 */
@ProviderType
public interface MiParams {

    /** The recipe (parameter names) the request matched. */
    java.util.List<String> recipe();

    /** Whether the request has that parameter. */
    boolean has(String name);

    /** The raw value, or {@code null} when absent. Legacy text requests give strings only. */
    MiValue value(String name);

    /**
     * A string parameter: a string, or a number as its decimal text.
     *
     * @throws MiException -32602 {@code Bad type for parameter 'name'} when absent, empty or of another type
     */
    String string(String name) throws MiException;

    /**
     * An int parameter: a number (truncated, saturated to the int range) or a string holding a decimal integer.
     *
     * @throws MiException -32602 {@code Bad type for parameter 'name'} when absent or of another type
     */
    int integer(String name) throws MiException;

    /**
     * Who sent the request, for per-client limits: {@code udp:IP} (the address only: one client uses many ports),
     * {@code unix:PATH} or {@code unix:uid=N} for a UNIX client, {@code http:IP}; empty when the server does not
     * say (an in-process call).
     *
     * @since 2.1
     */
    default java.util.Optional<String> source() {
        return java.util.Optional.empty();
    }
}
