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
 * Files shipped in one folder of the launcher jar (or of the classes folder when run from an IDE or a test): the
 * bundle jars under {@code bundles/}, the default configuration under {@code default-etc/}. Each comes with a
 * checksum that tells whether an installed copy is stale.
 */
final class EmbeddedFiles implements Closeable {

    /** The bundle jars the runtime installs. */
    static final String BUNDLES = "bundles/";
    /** The {@code .cfg} files written to an empty etc folder: copies of {@code features/src/main/cfg}. */
    static final String DEFAULT_ETC = "default-etc/";

    /** One file: its name and a CRC-32 of its bytes. */
    record Entry(String fileName, long crc) {
    }

    private final ZipFile jar;
    private final String prefix;
    private final Path folder;
    private final String suffix;

    private EmbeddedFiles(ZipFile jar, String prefix, Path folder, String suffix) {
        this.jar = jar;
        this.prefix = prefix;
        this.folder = folder;
        this.suffix = suffix;
    }

    /** The bundle jars next to this class. */
    static EmbeddedFiles bundles() throws IOException {
        return ofLauncher(BUNDLES, ".jar");
    }

    /** The default {@code .cfg} files next to this class. */
    static EmbeddedFiles defaultEtc() throws IOException {
        return ofLauncher(DEFAULT_ETC, ".cfg");
    }

    /** The files of a folder next to this class: in its jar, or in its class folder. */
    private static EmbeddedFiles ofLauncher(String prefix, String suffix) throws IOException {
        try {
            Path source = Paths.get(EmbeddedFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isDirectory(source) ? new EmbeddedFiles(null, prefix, source.resolve(prefix), suffix)
                    : new EmbeddedFiles(new ZipFile(source.toFile()), prefix, null, suffix);
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the launcher's own jar", e);
        }
    }

    /** The bundle jars in a folder (for tests). */
    static EmbeddedFiles ofFolder(Path folder) {
        return new EmbeddedFiles(null, BUNDLES, folder, ".jar");
    }

    /** The files, by name. */
    List<Entry> entries() throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (jar != null) {
            for (Enumeration<? extends ZipEntry> e = jar.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                String name = entry.getName();
                if (name.startsWith(prefix) && name.endsWith(suffix) && name.indexOf('/', prefix.length()) < 0) {
                    entries.add(new Entry(name.substring(prefix.length()), entry.getCrc()));
                }
            }
        } else if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(suffix))::iterator) {
                    entries.add(new Entry(file.getFileName().toString(), crc(file)));
                }
            }
        }
        entries.sort(Comparator.comparing(Entry::fileName));
        return entries;
    }

    /** The bytes of one file. */
    InputStream open(Entry entry) throws IOException {
        if (jar != null) {
            return jar.getInputStream(jar.getEntry(prefix + entry.fileName()));
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
