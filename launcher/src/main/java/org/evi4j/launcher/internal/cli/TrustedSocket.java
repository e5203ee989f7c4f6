package org.evi4j.launcher.internal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Whether a UNIX MI socket may be trusted with a request and its reply: it is a socket (not a link, not a file),
 * it belongs to the user running the client or to root, and so does its folder, which others may not write to
 * unless it is sticky ({@code /tmp}). Anyone else's socket at the expected path is a squatter that would read the
 * request and forge the reply.
 */
final class TrustedSocket {
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;
    private static final int OTHERS_WRITE = 0002;
    private static final int STICKY = 01000;
    private static final int ROOT = 0;

    private TrustedSocket() {
    }

    /**
     * @param ownUid the user running the client
     * @return the file's identity, to compare once connected
     * @throws IOException saying why the socket is not trusted
     */
    static Object check(Path socket, int ownUid) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new IOException("no MI socket at " + socket + " (is evi4j running? --socket names another)");
        }
        if (attributes.isSymbolicLink() || (intAttribute(socket, "unix:mode") & S_IFMT) != S_IFSOCK) {
            throw new IOException(socket + " is not a socket; not sending to it");
        }
        int owner = intAttribute(socket, "unix:uid");
        if (owner != ownUid && owner != ROOT) {
            throw new IOException("refusing MI socket " + socket + ": it belongs to uid " + owner
                    + ", not to you (uid " + ownUid + ") or root; someone else may have put it there");
        }
        Path folder = socket.toAbsolutePath().getParent();
        int folderOwner = intAttribute(folder, "unix:uid");
        int folderMode = intAttribute(folder, "unix:mode");
        if (folderOwner != ownUid && folderOwner != ROOT
                || (folderMode & OTHERS_WRITE) != 0 && (folderMode & STICKY) == 0) {
            throw new IOException("refusing MI socket " + socket + ": its folder " + folder
                    + " may be changed by other users");
        }
        return attributes.fileKey();
    }

    /** The identity of the file now at the path, or {@code null} when there is none. */
    static Object identity(Path socket) {
        try {
            return Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    static int intAttribute(Path path, String attribute) throws IOException {
        return (Integer) Files.getAttribute(path, attribute, LinkOption.NOFOLLOW_LINKS);
    }
}
