package org.evi4j.mi;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A Management Interface command. Register it as a service with the property {@code mi.command} holding its names:
 * the first is the OpenSIPS 3.x name listed by {@code which} ({@code event_subscribe}), the others are aliases such
 * as the OpenSIPS 4.0 name ({@code evi:subscribe}). The dispatcher picks up commands as they come and go.
 */
@ConsumerType
public interface MiCommand {

    /** The service property holding the command's names (a String or a String[]). */
    String NAME_PROPERTY = "mi.command";

    /**
     * The parameter lists the command accepts (OpenSIPS "recipes"), e.g. {@code [[event, socket], [event, socket,
     * expire]]}. {@code [[]]} means the command takes no parameters (legacy requests then skip argument parsing).
     * Positional parameters map onto the recipe with as many names; named parameters must match one recipe exactly.
     */
    List<List<String>> recipes();

    /** One line of help, as {@code help <command>} shows it. */
    String help();

    /** The module that exports the command, as {@code help} shows it ({@code core}, {@code evi}, ...). */
    default String exportedBy() {
        return "core";
    }

    /**
     * Runs the command with the parameters of the recipe the dispatcher chose.
     *
     * @throws MiException for an error reply (its code and message are sent to the client)
     */
    MiResponse execute(MiParams params) throws MiException;
}
