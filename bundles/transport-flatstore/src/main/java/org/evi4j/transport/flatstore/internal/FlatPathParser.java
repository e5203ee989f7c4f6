package org.evi4j.transport.flatstore.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.evi4j.support.AllowedFolders;
import org.evi4j.support.LogText;

/**
 * Checks the path of a {@code flatstore:} socket as OpenSIPS's {@code flat_parse} does (not empty, its folder
 * exists, not a folder itself), then that its real location is inside an allowed folder, so that an MI client
 * cannot make evi4j write to any file it likes. The file is not created here: it is opened at the first event.
 */
final class FlatPathParser {

    private final AllowedFolders allowed;

    FlatPathParser(AllowedFolders allowed) {
        this.allowed = allowed;
    }

    /** @return the real path to write to; the messages are OpenSIPS's where it has one */
    Path realPath(String address) {
        if (address == null || address.isEmpty()) {
            throw new IllegalArgumentException("no socket specified");
        }
        Path path;
        try {
            path = Path.of(address);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("invalid path " + LogText.escape(address));
        }
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("path " + LogText.escape(address)
                    + " is not absolute (relative paths would depend on the working folder)");
        }
        Path parent = path.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("invalid directory name");
        }
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException("path is a directory");
        }
        AllowedFolders.realPath(path); // a symbolic link, "." or "..": refused with its own reason
        try {
            return allowed.check(path);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("path " + LogText.escape(address)
                    + " is outside the allowed folders " + allowed.folders() + " (allowed_folders)");
        }
    }
}
