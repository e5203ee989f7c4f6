package org.evi4j.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscriptions saved as text, one per line: {@code event scheme address encoder subscribedAt expire}, each text
 * field URL-encoded (an empty encoder means the default), between a header line and a {@code # end COUNT} line
 * that shows the file is complete. Written to a temporary file and moved into place, so a crash leaves the old
 * file or the new one.
 */
final class SubscriptionStore {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionStore.class);
    private static final String HEADER = "# evi4j subscriptions 1";
    private static final String END = "# end ";

    private final Path file;

    SubscriptionStore(Path file) {
        this.file = file;
    }

    /**
     * Reads the saved subscriptions. A file that cannot be read whole is logged and renamed to {@code .corrupt}.
     *
     * @return the subscriptions in file order; empty when there is no file or it is corrupt
     */
    List<Stored> load() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
            LOG.warn("subscriptions file {} is corrupt ({}); moved to {}, no subscriptions restored", file, e,
                    aside);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailure) {
                LOG.warn("could not move {} aside: {}", file, moveFailure.toString());
            }
            return List.of();
        }
    }

    /** Replaces the file with these subscriptions; failures are logged, never thrown. */
    void save(List<Stored> subscriptions) {
        StringBuilder text = new StringBuilder(64 + subscriptions.size() * 80).append(HEADER).append('\n');
        for (Stored s : subscriptions) {
            text.append(encode(s.event())).append(' ').append(encode(s.scheme())).append(' ')
                    .append(encode(s.address())).append(' ').append(s.encoder() == null ? "" : encode(s.encoder()))
                    .append(' ').append(s.subscribedAt()).append(' ').append(s.expire()).append('\n');
        }
        text.append(END).append(subscriptions.size()).append('\n');
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.debug("saved {} subscriptions to {}", subscriptions.size(), file);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not save subscriptions to {}: {}", file, e.toString());
        }
    }

    private static List<Stored> parse(List<String> lines) {
        if (lines.isEmpty() || !HEADER.equals(lines.get(0))) {
            throw new IllegalStateException("no header line");
        }
        List<Stored> out = new ArrayList<>(lines.size());
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(END)) {
                if (Integer.parseInt(line.substring(END.length())) != out.size() || i != lines.size() - 1) {
                    throw new IllegalStateException("line count does not match at line " + (i + 1));
                }
                return out;
            }
            String[] f = line.split(" ", -1);
            if (f.length != 6) {
                throw new IllegalStateException("line " + (i + 1) + " has " + f.length + " fields");
            }
            out.add(new Stored(decode(f[0]), decode(f[1]), decode(f[2]), f[3].isEmpty() ? null : decode(f[3]),
                    Long.parseLong(f[4]), Integer.parseInt(f[5])));
        }
        throw new IllegalStateException("truncated: no end line");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /**
     * One saved subscription.
     *
     * @param encoder      the encoder the subscriber chose, or {@code null} for the default
     * @param subscribedAt wall-clock millis of the last (re)subscription
     * @param expire       seconds from {@code subscribedAt}
     */
    record Stored(String event, String scheme, String address, String encoder, long subscribedAt, int expire) {
    }
}
