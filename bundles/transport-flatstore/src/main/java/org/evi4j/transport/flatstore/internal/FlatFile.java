package org.evi4j.transport.flatstore.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.evi4j.spi.DeliveryReport;

/**
 * One file events are appended to, shared by every subscriber of its real path. Lines gather in a buffer and are
 * written whole by {@link #flush}; the file is opened (and created with the configured mode) at the first write and
 * again after a rotation or a failure, so that writing resumes by itself once the folder is back or the disk has
 * room. Used by the writer thread only.
 */
final class FlatFile {

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final long FOLDER_CHECK_NANOS = 1_000_000_000L;

    private final Path path;
    private final FileAttribute<Set<PosixFilePermission>> mode;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    /** The report of each buffered line, in order. */
    private final List<DeliveryReport> buffered = new ArrayList<>();
    private FileChannel channel;
    private long folderCheckedAt;

    FlatFile(Path path, Set<PosixFilePermission> permissions) {
        this.path = path;
        this.mode = PosixFilePermissions.asFileAttribute(permissions);
    }

    /** The real path written to. */
    Path path() {
        return path;
    }

    /**
     * Adds a line, writing what is buffered first when it does not fit.
     *
     * @throws IOException when a write needed to make room failed; the lines it held are already reported failed
     */
    void append(byte[] line, DeliveryReport report) throws IOException {
        if (line.length > buffer.remaining()) {
            flush();
        }
        if (line.length > buffer.capacity()) {
            write(ByteBuffer.wrap(line), List.of(report));
            return;
        }
        buffer.put(line);
        buffered.add(report);
    }

    boolean dirty() {
        return !buffered.isEmpty();
    }

    /** Writes the buffered lines and reports them sent, or failed when the file cannot be opened or written. */
    void flush() throws IOException {
        if (buffered.isEmpty()) {
            return;
        }
        buffer.flip();
        try {
            write(buffer, buffered);
        } finally {
            buffer.clear();
            buffered.clear();
        }
    }

    private void write(ByteBuffer bytes, List<DeliveryReport> reports) throws IOException {
        try {
            FileChannel open = open();
            while (bytes.hasRemaining()) {
                open.write(bytes);
            }
        } catch (IOException e) {
            close();
            report(reports, e);
            throw e;
        }
        report(reports, null);
    }

    private FileChannel open() throws IOException {
        long now = System.nanoTime();
        if (channel != null && now - folderCheckedAt > FOLDER_CHECK_NANOS) {
            folderCheckedAt = now;
            if (!Files.isDirectory(path.getParent())) {
                // the folder vanished: what is written to the unlinked file is lost, so count it failed
                close();
            }
        }
        if (channel == null) {
            channel = FileChannel.open(path, Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE), mode);
            folderCheckedAt = now;
        }
        return channel;
    }

    /** Closes the file; the next line opens the path again (rotation, failure, release). */
    void close() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more can be lost: every line was reported at its write
        }
        channel = null;
    }

    private static void report(List<DeliveryReport> reports, IOException failure) {
        String reason = failure == null ? null : "cannot write to the file: " + failure;
        int run = 0;
        DeliveryReport current = null;
        for (DeliveryReport report : reports) {
            if (report != current && run > 0) {
                tell(current, run, reason);
                run = 0;
            }
            current = report;
            run++;
        }
        if (run > 0) {
            tell(current, run, reason);
        }
    }

    private static void tell(DeliveryReport report, int count, String reason) {
        if (reason == null) {
            report.sent(count);
        } else {
            report.failed(count, reason);
        }
    }
}
