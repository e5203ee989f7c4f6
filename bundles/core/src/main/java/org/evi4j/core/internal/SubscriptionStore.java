package org.evi4j.core.internal;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscriptions file of evi4j before the journal (read once, to migrate it): text, one subscription per line,
 * {@code event scheme address shown encoder subscribedAt expire}, each text field URL-encoded (an empty encoder
 * means the default), between a header line and a {@code # end COUNT} line. Version 1 had no shown address
 * (shown = address).
 * <p>
 * Read as the journal is: never through a link, at most {@link JournalFile#MAX_BYTES}, up to the last whole line.
 * A file cut short (no end line) gives the whole lines it has; a line that does not parse is skipped and counted;
 * a file without a header, or not a regular file, is set aside as {@code .corrupt}.
 */
final class SubscriptionStore {

    static final String NAME = "subscriptions.txt";
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionStore.class);
    private static final String HEADER_V1 = "# evi4j subscriptions 1";
    private static final String HEADER = "# evi4j subscriptions 2";
    private static final String END = "# end ";

    private final Path file;

    SubscriptionStore(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /**
     * Reads the saved subscriptions.
     *
     * @return the subscriptions in file order; empty when there is no file or it is corrupt
     */
    List<Stored> load() {
        String text;
        try {
            text = read();
        } catch (NoSuchFileException absent) {
            return List.of();
        } catch (IOException e) {
            setAside(e.toString());
            return List.of();
        }
        List<String> lines = List.of(text.substring(0, text.lastIndexOf('\n') + 1).split("\n"));
        boolean v1 = HEADER_V1.equals(lines.get(0));
        if (!v1 && !HEADER.equals(lines.get(0))) {
            setAside("no header line");
            return List.of();
        }
        return parse(lines, v1);
    }

    private String read() throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isRegularFile() || a.size() > JournalFile.MAX_BYTES) {
            throw new IOException("not a regular file of at most " + JournalFile.MAX_BYTES + " bytes");
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer bytes = ByteBuffer.allocate((int) a.size());
            while (bytes.hasRemaining() && in.read(bytes) >= 0) {
                // read all
            }
            return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
        }
    }

    private List<Stored> parse(List<String> lines, boolean v1) {
        List<Stored> out = new ArrayList<>(lines.size());
        int bad = 0;
        boolean ended = false;
        for (int i = 1; i < lines.size() && !ended; i++) {
            String line = lines.get(i);
            if (line.startsWith(END)) {
                ended = true;
            } else {
                try {
                    out.add(v1 ? storedV1(line) : stored(line));
                } catch (RuntimeException e) {
                    bad++;
                }
            }
        }
        if (bad > 0) {
            LOG.warn("subscriptions file {}: {} lines do not parse; skipped", file, bad);
        }
        if (!ended) {
            LOG.warn("subscriptions file {} has no end line (cut short); read its {} whole lines", file, out.size());
        }
        return out;
    }

    private void setAside(String why) {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
        LOG.warn("subscriptions file {} is corrupt ({}); moved to {}, no subscriptions restored", file, why, aside);
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException moveFailure) {
            LOG.warn("could not move {} aside: {}", file, moveFailure.toString());
        }
    }

    private static Stored stored(String line) {
        String[] f = fields(line, 7);
        return new Stored(decode(f[0]), decode(f[1]), decode(f[2]), decode(f[3]), f[4].isEmpty() ? null : decode(f[4]),
                Long.parseLong(f[5]), Integer.parseInt(f[6]));
    }

    private static Stored storedV1(String line) {
        String[] f = fields(line, 6);
        String address = decode(f[2]);
        return new Stored(decode(f[0]), decode(f[1]), address, address, f[3].isEmpty() ? null : decode(f[3]),
                Long.parseLong(f[4]), Integer.parseInt(f[5]));
    }

    private static String[] fields(String line, int count) {
        String[] f = line.split(" ", -1);
        if (f.length != count) {
            throw new IllegalArgumentException("line has " + f.length + " fields");
        }
        return f;
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
