package org.evi4j.transport.flatstore.internal;

import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code file_permissions}: an octal mode such as {@code 0644}, turned into POSIX permissions. */
final class FileMode {

    private static final Logger LOG = LoggerFactory.getLogger(FileMode.class);
    private static final int DEFAULT = 0644;
    // bit 8 (owner read) down to bit 0 (others execute), in PosixFilePermission's declaration order
    private static final PosixFilePermission[] BITS = PosixFilePermission.values();

    private FileMode() {
    }

    /** Like OpenSIPS, text that is not fully octal gives 0644; unlike it, a line in the log says so. */
    static Set<PosixFilePermission> parse(String text) {
        int mode = DEFAULT;
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.matches("[0-7]{1,4}")) {
            mode = Integer.parseInt(trimmed, 8) & 0777;
        } else {
            LOG.warn("file_permissions '{}' is not an octal mode: 0644 is used", text);
        }
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < BITS.length; i++) {
            if ((mode & (0400 >> i)) != 0) {
                permissions.add(BITS[i]);
            }
        }
        return permissions;
    }
}
