package org.evi4j.launcher.internal.cli;

import java.nio.file.Paths;

import org.evi4j.support.net.SocketName;

/**
 * The MI socket the client talks to when none is given: the launcher's UNIX MI socket in the default data folder of
 * the working folder, owner-only, where every MI command is served (the shipped UDP socket is read-only).
 */
final class MiSocketDefault {

    /** As the help shows it. */
    static final String SHOWN = "unix:./data/evi4j_mi.sock";

    private MiSocketDefault() {
    }

    /** The socket given, or the default one. */
    static SocketName orDefault(String given) {
        return given == null || given.isBlank() ? SocketName.unix(Paths.get("data", "evi4j_mi.sock"))
                : SocketName.parse(given);
    }
}
