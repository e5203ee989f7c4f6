package org.evi4j.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscriptions saved as text, one per line: {@code event scheme address shown encoder subscribedAt expire}, each
 * text field URL-encoded (an empty encoder means the default), between a header line and a {@code # end COUNT} line
 * that shows the file is complete. The shown address (without secrets) is saved beside the full one so that a
 * restored subscriber has its key before its transport is back; files of version 1, which had no shown address,
 * are still read (shown = address). Written to a temporary file and moved into place, so a crash leaves the old
 * file or the new one.
 * <p>
 * The full addresses may hold passwords (a broker's), so the file and its temporary file are created readable and
 * writable by their owner only ({@code rw-------}) where the file system has POSIX permissions; elsewhere they get
 * the file system's defaults.
 */
final class SubscriptionStore {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionStore.class);
    private static final String HEADER_V1 = "# evi4j subscriptions 1";
    private static final String HEADER = "# evi4j subscriptions 2";
    private static final String END = "# end ";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

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
        StringBuilder text = new StringBuilder(64 + subscriptions.size() * 100).append(HEADER).append('\n');
        for (Stored s : subscriptions) {
            text.append(encode(s.event())).append(' ').append(encode(s.scheme())).append(' ')
                    .append(encode(s.address())).append(' ').append(encode(s.shown())).append(' ')
                    .append(s.encoder() == null ? "" : encode(s.encoder())).append(' ').append(s.subscribedAt())
                    .append(' ').append(s.expire()).append('\n');
        }
        text.append(END).append(subscriptions.size()).append('\n');
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(temp);
            Files.createFile(temp, ownerOnly(temp));
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.debug("saved {} subscriptions to {}", subscriptions.size(), file);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not save subscriptions to {}: {}", file, e.toString());
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path path) {
        if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)};
    }

    private static List<Stored> parse(List<String> lines) {
        boolean v1 = !lines.isEmpty() && HEADER_V1.equals(lines.get(0));
        if (lines.isEmpty() || !v1 && !HEADER.equals(lines.get(0))) {
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
            out.add(v1 ? storedV1(line, i + 1) : stored(line, i + 1));
        }
        throw new IllegalStateException("truncated: no end line");
    }

    private static Stored stored(String line, int number) {
        String[] f = fields(line, 7, number);
        return new Stored(decode(f[0]), decode(f[1]), decode(f[2]), decode(f[3]), f[4].isEmpty() ? null : decode(f[4]),
                Long.parseLong(f[5]), Integer.parseInt(f[6]));
    }

    private static Stored storedV1(String line, int number) {
        String[] f = fields(line, 6, number);
        String address = decode(f[2]);
        return new Stored(decode(f[0]), decode(f[1]), address, address, f[3].isEmpty() ? null : decode(f[3]),
                Long.parseLong(f[4]), Integer.parseInt(f[5]));
    }

    private static String[] fields(String line, int count, int number) {
        String[] f = line.split(" ", -1);
        if (f.length != count) {
            throw new IllegalStateException("line " + number + " has " + f.length + " fields");
        }
        return f;
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
     * @param address      the full canonical address, secrets included, as its transport parses it again
     * @param shown        the address without secrets, as listed; the subscriber's key with the scheme
     * @param encoder      the encoder the subscriber chose, or {@code null} for the default
     * @param subscribedAt wall-clock millis of the last (re)subscription
     * @param expire       seconds from {@code subscribedAt}
     */
    record Stored(String event, String scheme, String address, String shown, String encoder, long subscribedAt,
            int expire) {
    }
}
