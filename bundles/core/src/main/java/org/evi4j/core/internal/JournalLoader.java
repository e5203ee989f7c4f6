package org.evi4j.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.evi4j.core.internal.SubscriptionStore.Stored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what a start restores: the journal up to its last whole record, or the subscriptions file of an earlier
 * version when there is no journal. A journal that is not one is moved aside; one damaged inside gives the records
 * before the damage and a copy is set aside (the file itself stays until a snapshot replaces it, so a start that
 * cannot write loses nothing).
 */
final class JournalLoader {

    private static final Logger LOG = LoggerFactory.getLogger(JournalLoader.class);

    private final JournalFile file;
    private final SubscriptionStore legacy;

    JournalLoader(JournalFile file, SubscriptionStore legacy) {
        this.file = file;
        this.legacy = legacy;
    }

    /** The subscriptions to restore, in order. */
    List<Stored> load() {
        try {
            file.deleteLeftovers();
        } catch (IOException e) {
            LOG.warn("could not delete temporary journal files in {}: {}", file.path().getParent(), e.toString());
        }
        byte[] bytes;
        try {
            bytes = file.read();
        } catch (IOException e) {
            setAside(e.toString());
            return List.of();
        }
        if (bytes == null) {
            return legacy.load();
        }
        JournalReplay replay;
        try {
            replay = JournalReplay.of(bytes);
        } catch (IllegalArgumentException e) {
            setAside(e.getMessage());
            return List.of();
        }
        if (replay.damaged()) {
            keepCopy(replay);
        } else if (replay.ignored() > 0) {
            LOG.info("subscriptions journal {} ends with {} bytes of a record cut short by a crash; ignored",
                    file.path(), replay.ignored());
        }
        LOG.debug("read {} journal records: {} subscriptions", replay.records(), replay.state().size());
        return replay.subscriptions();
    }

    private void setAside(String why) {
        try {
            Path aside = file.setAside();
            LOG.warn("subscriptions journal {} is corrupt ({}); moved to {}, no subscriptions restored",
                    file.path(), why, aside);
        } catch (IOException e) {
            LOG.warn("subscriptions journal {} is corrupt ({}) and could not be moved aside: {}", file.path(), why,
                    e.toString());
        }
    }

    private void keepCopy(JournalReplay replay) {
        Path copy = file.path().resolveSibling(JournalFile.NAME + ".corrupt");
        try {
            // the copy keeps the owner-only mode: it holds the same passwords
            Files.copy(file.path(), copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            LOG.warn("could not copy {} aside: {}", file.path(), e.toString());
        }
        LOG.warn("subscriptions journal {} is damaged after record {} ({} bytes not read); copied to {}, the {}"
                + " subscriptions before the damage restored", file.path(), replay.records(), replay.ignored(), copy,
                replay.state().size());
    }
}
