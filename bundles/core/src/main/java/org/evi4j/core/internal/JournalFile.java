package org.evi4j.core.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Set;

import org.evi4j.core.internal.JournalRecord.Put;
import org.evi4j.core.internal.SubscriptionStore.Stored;

/**
 * The journal file in a folder: read back at start, replaced by a snapshot (written under a fresh unpredictable
 * name opened with {@code CREATE_NEW}, forced, renamed over the journal, the folder forced), appended to and
 * forced. Never opened through a symbolic link; created readable and writable by its owner only, since addresses
 * may hold passwords. Not thread-safe: one committer at a time.
 */
final class JournalFile implements AutoCloseable {

    static final String NAME = "subscriptions.journal";
    /** A larger journal is not read: it cannot be one this code wrote (see compaction). */
    static final long MAX_BYTES = 128L * 1024 * 1024;
    private static final String TEMP_SUFFIX = ".tmp";
    private static final LinkOption[] NO_LINKS = {LinkOption.NOFOLLOW_LINKS};

    private final Path dir;
    private final Path file;
    private final SecureRandom random = new SecureRandom();
    private FileChannel channel;
    private Object identity;
    private long size;

    JournalFile(Path dir) {
        this.dir = dir;
        this.file = dir.resolve(NAME);
    }

    Path path() {
        return file;
    }

    /** The bytes of the journal, or {@code null} when there is none; refuses links, other files and huge ones. */
    byte[] read() throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, NO_LINKS);
        } catch (NoSuchFileException absent) {
            return null;
        }
        if (!attributes.isRegularFile()) {
            throw new IOException("not a regular file (a link or a folder)");
        }
        if (attributes.size() > MAX_BYTES) {
            throw new IOException("larger than " + MAX_BYTES + " bytes");
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(in.size(), MAX_BYTES));
            while (bytes.hasRemaining() && in.read(bytes) >= 0) {
                // read all
            }
            return Arrays.copyOf(bytes.array(), bytes.position());
        }
    }

    /** Moves the journal aside as {@code NAME.corrupt} (the link itself, if it is one). */
    Path setAside() throws IOException {
        Path aside = file.resolveSibling(NAME + ".corrupt");
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        return aside;
    }

    /** Deletes temporary files a crash during a snapshot left behind (links are deleted, not followed). */
    void deleteLeftovers() throws IOException {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, NAME + ".*" + TEMP_SUFFIX)) {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Replaces the journal by one holding exactly these subscriptions, durably; later appends go to it. On failure
     * the journal must not be appended to until a snapshot succeeds.
     */
    void snapshot(Collection<Stored> subscriptions) throws IOException {
        Files.createDirectories(dir);
        Path temp = dir.resolve(NAME + "." + HexFormat.of().formatHex(randomBytes()) + TEMP_SUFFIX);
        FileChannel fresh = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS), ownerOnly());
        boolean renamed = false;
        try {
            int records = subscriptions.size();
            ByteBuffer out = ByteBuffer.allocate(JournalCodec.HEADER + records * 160);
            out = grow(out, JournalCodec.MAGIC);
            for (Stored s : subscriptions) {
                out = grow(out, JournalCodec.frame(new Put(s)));
            }
            out.flip();
            writeFully(fresh, out);
            fresh.force(true);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            renamed = true;
            forceFolder();
        } catch (IOException | RuntimeException e) {
            closeQuietly(fresh);
            if (!renamed) {
                Files.deleteIfExists(temp);
            }
            closeQuietly(channel);
            channel = null;
            throw e;
        }
        closeQuietly(channel);
        channel = fresh;
        identity = identity();
        size = fresh.position();
    }

    /** Appends these framed records and forces them to the disk. */
    void append(ByteBuffer records) throws IOException {
        if (channel == null) {
            throw new IOException("journal not open");
        }
        if (!identity.equals(identity())) {
            // written to a file no longer in the folder, a change would be acknowledged and lost at the restart
            throw new IOException("the journal file was removed or replaced");
        }
        int count = records.remaining();
        writeFully(channel, records);
        channel.force(false);
        size += count;
    }

    /** The journal's length as written by this instance. */
    long size() {
        return size;
    }

    @Override
    public void close() {
        closeQuietly(channel);
        channel = null;
    }

    /** Which file the journal's name stands for now (device and inode), never following a link. */
    private Object identity() throws IOException {
        Object key = Files.readAttributes(file, BasicFileAttributes.class, NO_LINKS).fileKey();
        return key == null ? file : key;
    }

    private byte[] randomBytes() {
        byte[] b = new byte[12];
        random.nextBytes(b);
        return b;
    }

    private void forceFolder() throws IOException {
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        }
    }

    private static ByteBuffer grow(ByteBuffer out, byte[] bytes) {
        ByteBuffer target = out;
        if (target.remaining() < bytes.length) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(target.capacity() * 2, target.position() + bytes.length));
            target.flip();
            bigger.put(target);
            target = bigger;
        }
        return target.put(bytes);
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    private FileAttribute<?>[] ownerOnly() {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                "rw-------"))};
    }

    private static void closeQuietly(FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing after a failure: the failure is what counts
            }
        }
    }
}
