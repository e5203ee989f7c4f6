package org.evi4j.itests;

import java.util.List;

import org.evi4j.mi.MiCommand;
import org.evi4j.spi.EventEncoder;
import org.evi4j.spi.EventTransport;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** Waits for the services of a runtime with every evi4j bundle: DS activates them asynchronously. */
final class FullRuntime {

    /** The MI commands the vector files use. */
    private static final List<String> COMMANDS = List.of("event_subscribe", "events_list", "subscribers_list",
            "raise_event", "which", "help", "version", "ps");

    private FullRuntime() {
    }

    static void await(BundleContext context) {
        for (String scheme : List.of("udp", "unix")) {
            Await.registered(context, EventTransport.class, "(" + EventTransport.SCHEME_PROPERTY + "=" + scheme + ")");
        }
        for (String name : List.of("jsonrpc", "legacy")) {
            Await.registered(context, EventEncoder.class, "(" + EventEncoder.NAME_PROPERTY + "=" + name + ")");
        }
        for (String command : COMMANDS) {
            Await.registered(context, MiCommand.class, "(" + MiCommand.NAME_PROPERTY + "=" + command + ")");
        }
    }

    /** The installed bundle with that symbolic name. */
    static Bundle bundle(BundleContext context, String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }
}
