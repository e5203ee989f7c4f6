package org.evi4j.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The folders evi4j may write into on a subscriber's behalf (UNIX sockets, files): a path is allowed when its real
 * location, with every symbolic link of its folder resolved and {@code .} and {@code ..} gone, lies in (or under)
 * the real location of one of the folders, and its last component is not itself a link. One rule for every
 * transport that writes to paths.
 */
public final class AllowedFolders {

    private final List<Path> folders;

    /** @param folders absolute folders; they need not exist yet (a missing one allows nothing until it does) */
    public AllowedFolders(Collection<Path> folders) {
        List<Path> checked = new ArrayList<>();
        for (Path folder : folders) {
            if (!folder.isAbsolute()) {
                throw new IllegalArgumentException("allowed folder '" + LogText.escape(folder.toString())
                        + "' is not absolute");
            }
            checked.add(folder.normalize());
        }
        this.folders = List.copyOf(checked);
    }

    /** The folders as configured (normalised). */
    public List<Path> folders() {
        return folders;
    }

    /**
     * Checks a path and gives its real location, the one to use from now on (so that a link swapped in later in its
     * folder's chain changes nothing).
     *
     * @throws IllegalArgumentException with a message fit for the user when it is not allowed
     */
    public Path check(Path path) {
        Path real = realPath(path);
        for (Path folder : folders) {
            Path realFolder = realFolder(folder);
            if (realFolder != null && real.startsWith(realFolder) && !real.equals(realFolder)) {
                return real;
            }
        }
        throw new IllegalArgumentException("path " + LogText.escape(path.toString())
                + " is outside the allowed folders " + folders + " (allowed_unix_folders)");
    }

    /**
     * The real location of a path: its folder's real path (links resolved) and its own name, which must be a plain
     * name and not a link.
     *
     * @throws IllegalArgumentException when it is relative, names {@code .} or {@code ..}, its folder does not exist
     *                                  or its last component is a symbolic link
     */
    public static Path realPath(Path path) {
        String shown = LogText.escape(path.toString());
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("path " + shown + " is not absolute");
        }
        // no lexical normalize(): "link/.." is the link target's parent, which only the file system knows
        Path name = path.getFileName();
        Path parent = path.getParent();
        if (name == null || parent == null || name.toString().equals("..") || name.toString().equals(".")) {
            throw new IllegalArgumentException("path " + shown + " names no file");
        }
        Path realParent;
        try {
            realParent = parent.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("the folder of " + shown + " does not exist or cannot be read");
        }
        Path real = realParent.resolve(name.toString());
        if (Files.isSymbolicLink(real)) {
            throw new IllegalArgumentException("path " + shown + " is a symbolic link");
        }
        return real;
    }

    private static Path realFolder(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }
}
