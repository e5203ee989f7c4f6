package org.evi4j.core.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.evi4j.api.Event;
import org.evi4j.api.EventInterface;
import org.evi4j.support.net.Networks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's configuration, checked and immutable, so that the engine can be built without OSGi.
 *
 * @param publishedEvents        event names to publish at start, in order
 * @param defaultEncoder         encoder of subscribers that choose none
 * @param defaultExpire          seconds, when a subscription gives none
 * @param maxExpire              the longest expire accepted; 0 means none
 * @param persist                whether subscriptions are saved and restored
 * @param allowedDestinations    networks an IP subscriber may point at
 * @param maxSubscribersPerEvent the most subscribers one event may have
 * @param maxSubscribers         the most subscribers of all events together
 * @param allowedUnixFolders     absolute folders a destination with a path may be in
 * @param maxPerDestination      the most subscribers (of all events together) one destination may have
 */
record Settings(List<String> publishedEvents, String defaultEncoder, int defaultExpire, int maxExpire,
        boolean persist, Networks allowedDestinations, int maxSubscribersPerEvent, int maxSubscribers,
        List<Path> allowedUnixFolders, int maxPerDestination) {

    /** A day: long enough for any listener that refreshes, short enough that a forgotten one goes away. */
    static final int DEFAULT_MAX_EXPIRE = 86_400;
    static final int DEFAULT_MAX_PER_DESTINATION = 64;

    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);

    Settings {
        publishedEvents = List.copyOf(publishedEvents);
        allowedUnixFolders = List.copyOf(allowedUnixFolders);
    }

    /** The settings with a limit per destination, the others kept. */
    Settings withMaxPerDestination(int max) {
        return new Settings(publishedEvents, defaultEncoder, defaultExpire, maxExpire, persist, allowedDestinations,
                maxSubscribersPerEvent, maxSubscribers, allowedUnixFolders, max);
    }

    /** The settings with those allowed folders, the others kept. */
    Settings withAllowedUnixFolders(List<Path> folders) {
        return new Settings(publishedEvents, defaultEncoder, defaultExpire, maxExpire, persist, allowedDestinations,
                maxSubscribersPerEvent, maxSubscribers, folders, maxPerDestination);
    }

    /** The settings of a core without configuration. */
    static Settings defaults() {
        return new Settings(List.of(), "jsonrpc", EventInterface.DEFAULT_EXPIRE, DEFAULT_MAX_EXPIRE, true,
                Networks.loopback(), 1000, 10000, List.of(),
                DEFAULT_MAX_PER_DESTINATION);
    }

    /** Reads a configuration without a default folder for UNIX destinations (none allowed unless configured). */
    static Settings from(CoreConfig config) {
        return from(config, null);
    }

    /**
     * Reads a configuration; bad values are logged and replaced by the defaults, never fatal.
     *
     * @param defaultUnixFolder the folder UNIX destinations may be in when {@code allowed_unix_folders} is not set,
     *                          or {@code null} for none
     */
    static Settings from(CoreConfig config, Path defaultUnixFolder) {
        Settings d = defaults();
        List<String> events = new ArrayList<>();
        for (String name : split(config.published__events())) {
            try {
                events.add(Event.checkName(name));
            } catch (IllegalArgumentException e) {
                LOG.warn("published_events: {}; skipped", e.getMessage());
            }
        }
        Networks allowed = Networks.parseSkipping(e -> LOG.warn("allowed_destinations: {}; skipped", e.getMessage()),
                config.allowed__destinations());
        String encoder = config.default__encoder() == null || config.default__encoder().isBlank()
                ? d.defaultEncoder() : config.default__encoder().trim();
        int maxExpire = Math.max(0, config.max__expire());
        int defaultExpire = positive("default_expire", config.default__expire(), d.defaultExpire());
        if (maxExpire > 0 && defaultExpire > maxExpire) {
            LOG.warn("default_expire {} exceeds max_expire {}; using {}", defaultExpire, maxExpire, maxExpire);
            defaultExpire = maxExpire;
        }
        return new Settings(events, encoder, defaultExpire, maxExpire, config.persist(), allowed,
                positive("max_subscribers_per_event", config.max__subscribers__per__event(),
                        d.maxSubscribersPerEvent()),
                positive("max_subscribers", config.max__subscribers(), d.maxSubscribers()),
                folders(config.allowed__unix__folders(), defaultUnixFolder),
                positive("max_subscribers_per_destination", config.max__subscribers__per__destination(),
                        d.maxPerDestination()));
    }

    private static List<Path> folders(String[] configured, Path fallback) {
        List<Path> folders = new ArrayList<>();
        for (String folder : split(configured)) {
            Path path = Path.of(folder);
            if (path.isAbsolute()) {
                folders.add(path.normalize());
            } else {
                LOG.warn("allowed_unix_folders: '{}' is not an absolute path; skipped", folder);
            }
        }
        if (folders.isEmpty() && configured != null && configured.length > 0 && fallback != null) {
            LOG.warn("allowed_unix_folders has no usable folder; using {}", fallback);
        }
        if (folders.isEmpty() && fallback != null) {
            folders.add(fallback);
        }
        return folders;
    }

    /**
     * Splits every element on commas and trims, since a Karaf {@code .cfg} gives a list as one string.
     *
     * @return the non-empty names, in order
     */
    static List<String> split(String[] values) {
        return Networks.split(values);
    }

    private static int positive(String property, int value, int fallback) {
        if (value > 0) {
            return value;
        }
        LOG.warn("{} = {} is not a positive number; using {}", property, value, fallback);
        return fallback;
    }
}
