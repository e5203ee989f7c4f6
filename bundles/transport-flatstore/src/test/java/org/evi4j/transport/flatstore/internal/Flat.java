package org.evi4j.transport.flatstore.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.evi4j.testkit.Configs;

/** Transports for tests, configured as from ConfigAdmin. */
final class Flat {

    private Flat() {
    }

    /** A transport allowed to write in {@code folder}, with these properties over the defaults. */
    static FlatstoreTransport transport(Path folder, Map<String, ?> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.putIfAbsent("allowed_folders", folder.toString());
        return new FlatstoreTransport(Configs.of(FlatstoreTransportConfig.class, all), (Path) null);
    }

    static FlatstoreTransport transport(Path folder) {
        return transport(folder, Map.of());
    }

    /** The "alt" profile of transports-flatstore.json (escape_delimiter left out: see the compatibility notes). */
    static Map<String, Object> alt() {
        return Map.of("delimiter", ";", "suppress_event_name", "1", "file_permissions", "0600");
    }
}
