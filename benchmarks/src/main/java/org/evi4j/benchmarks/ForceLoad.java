package org.evi4j.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code bench fsync}: this machine's own cost of durability, the floor of any durable subscribe: append a short
 * record (the size of a subscribe's journal record) to a file and force it, one at a time, as a journal with one
 * writer and no company would.
 */
final class ForceLoad {

    private static final int RECORD = 72;

    private ForceLoad() {
    }

    static int run(Options o) throws IOException {
        Path dir = Path.of(o.string("dir", "."));
        int count = o.integer("count", 2000);
        Path file = Files.createTempFile(Files.createDirectories(dir), "bench-force", ".journal");
        Latencies latencies = new Latencies(count);
        ByteBuffer record = ByteBuffer.allocate(RECORD);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long t = System.nanoTime();
                record.clear();
                record.putInt(0, i);
                while (record.hasRemaining()) {
                    channel.write(record);
                }
                channel.force(false);
                latencies.add(System.nanoTime() - t);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("bench fsync dir=%s count=%d record_bytes=%d wall_s=%.3f per_s=%.0f lat_us %s%n",
                    dir.toAbsolutePath(), count, RECORD, seconds, count / seconds, latencies.summary());
        } finally {
            Files.deleteIfExists(file);
        }
        return 0;
    }
}
