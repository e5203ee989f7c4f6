package org.evi4j.launcher.internal.runtime;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The bundle jars shipped under {@code bundles/} in the launcher jar (or in the classes folder when run from an IDE
 * or a test), each with a checksum that tells whether an installed copy is stale.
 */
final class EmbeddedBundles implements Closeable {

    static final String FOLDER = "bundles/";

    /** One bundle jar: its file name and a CRC-32 of its bytes. */
    record Entry(String fileName, long crc) {
    }

    private final ZipFile jar;
    private final Path folder;

    private EmbeddedBundles(ZipFile jar, Path folder) {
        this.jar = jar;
        this.folder = folder;
    }

    /** The bundles next to this class: in its jar, or in the {@code bundles} folder of its class folder. */
    static EmbeddedBundles ofLauncher() throws IOException {
        try {
            Path source = Paths.get(EmbeddedBundles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isDirectory(source) ? new EmbeddedBundles(null, source.resolve(FOLDER))
                    : new EmbeddedBundles(new ZipFile(source.toFile()), null);
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the launcher's own jar", e);
        }
    }

    /** The bundles in a folder (for tests). */
    static EmbeddedBundles ofFolder(Path folder) {
        return new EmbeddedBundles(null, folder);
    }

    /** The bundle jars, by file name. */
    List<Entry> entries() throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (jar != null) {
            for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                String name = entry.getName();
                if (name.startsWith(FOLDER) && name.endsWith(".jar") && name.indexOf('/', FOLDER.length()) < 0) {
                    entries.add(new Entry(name.substring(FOLDER.length()), entry.getCrc()));
                }
            }
        } else if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".jar"))::iterator) {
                    entries.add(new Entry(file.getFileName().toString(), crc(file)));
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::fileName));
        return entries;
    }

    /** The bytes of one bundle jar. */
    InputStream open(Entry entry) throws IOException {
        if (jar != null) {
            return jar.getInputStream(jar.getEntry(FOLDER + entry.fileName()));
        }
        return Files.newInputStream(folder.resolve(entry.fileName()));
    }

    private static long crc(Path file) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(Files.readAllBytes(file));
        return crc.getValue();
    }

    @Override
    public void close() throws IOException {
        if (jar != null) {
            jar.close();
        }
    }
}
