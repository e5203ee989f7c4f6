package org.evi4j.support.unix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;

import org.evi4j.support.net.SocketName;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.ConnectionRefusedSocketException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The file of a bound UNIX socket: replacing a stale one, access rights, removal. */
public final class UnixSocketFile {
    private static final Logger LOG = LoggerFactory.getLogger(UnixSocketFile.class);
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private UnixSocketFile() {
    }

    /**
     * Removes a socket file left behind by a process that is gone. Anything else at the path (a regular file,
     * a symbolic link, a hard-linked socket, a socket someone still listens on) is left alone and refused.
     */
    public static void clearStale(Path path) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (attributes.isSymbolicLink()) {
            throw new IOException(path + " is a symbolic link; refusing to replace it with a socket");
        }
        if ((intAttribute(path, "unix:mode") & S_IFMT) != S_IFSOCK) {
            throw new IOException(path + " exists and is not a socket; refusing to replace it with a socket");
        }
        if (intAttribute(path, "unix:nlink") > 1) {
            throw new IOException(path + " is a hard-linked socket; refusing to replace it with a socket");
        }
        if (isLive(path)) {
            throw new IOException(path + " is in use by a running process (another evi4j?)");
        }
        Files.delete(path);
        LOG.info("Removed stale socket file {}", path);
    }

    /** Binds a socket at a path, for {@link #bindPrivately}. */
    @FunctionalInterface
    public interface Binding {
        void bind(Path at) throws IOException;
    }

    /**
     * Binds a socket so that it is never reachable with other rights than its final ones, whatever the umask: a
     * stale file at {@code path} is cleared ({@link #clearStale}), the socket is bound in a new private (0700)
     * folder beside {@code path}, given its mode, owner and group there (where nobody else can swap a link in), and
     * renamed into place; the folder is removed.
     *
     * @return the identity of the socket file, for {@link #remove}
     * @throws IOException when something is in the way, the rights cannot be applied, or the private folder's path
     *                     would exceed the socket path limit; nothing is left behind then
     */
    public static Object bindPrivately(Path path, Binding binding, int mode, String user, String group)
            throws IOException {
        clearStale(path);
        Path folder = privateFolder(path.toAbsolutePath().getParent());
        Path staged = folder.resolve("s");
        try {
            binding.bind(staged);
            applyAccess(staged, mode, user, group);
            Object identity = identity(staged);
            // no REPLACE_EXISTING: whatever appeared at the path since clearStale is left alone
            Files.move(staged, path);
            return identity;
        } finally {
            Files.deleteIfExists(staged);
            Files.deleteIfExists(folder);
        }
    }

    private static Path privateFolder(Path parent) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path folder = parent.resolve(".evi4j-" + Long.toString(RANDOM.nextLong() >>> 2 | 1L << 62, 36).substring(0, 6));
            String staged = folder.resolve("s").toString();
            if (staged.getBytes(StandardCharsets.UTF_8).length > SocketName.MAX_UNIX_PATH_BYTES) {
                throw new IOException("cannot create the socket safely: its private folder's path " + staged
                        + " would be longer than " + SocketName.MAX_UNIX_PATH_BYTES + " bytes; use a shorter path");
            }
            try {
                return Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    /** A socket nobody has open refuses a connection; a live one accepts it (datagram connect sends nothing). */
    private static boolean isLive(Path path) throws IOException {
        try (AFUNIXDatagramChannel probe = AFUNIXDatagramChannel.open()) {
            probe.connect(AFUNIXSocketAddress.of(path));
            return true;
        } catch (ConnectionRefusedSocketException e) {
            return false;
        }
    }

    /** The identity (device and inode) of the file, to recognise it at removal. */
    public static Object identity(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    /** Applies permission bits, then owner and group (names or numeric ids; empty keeps them). */
    public static void applyAccess(Path path, int mode, String user, String group) throws IOException {
        Files.setPosixFilePermissions(path, permissions(mode));
        UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!user.isEmpty()) {
            try {
                view.setOwner(lookup.lookupPrincipalByName(user));
            } catch (IOException | UnsupportedOperationException e) {
                throw new IOException("cannot give " + path + " to unix_socket_user '" + user + "': " + reason(e), e);
            }
        }
        if (!group.isEmpty()) {
            try {
                view.setGroup(lookup.lookupPrincipalByGroupName(group));
            } catch (IOException | UnsupportedOperationException e) {
                throw new IOException("cannot give " + path + " to unix_socket_group '" + group + "': " + reason(e), e);
            }
        }
    }

    /** Removes the file if it is still the one this server bound. Never throws. */
    public static void remove(Path path, Object identity) {
        try {
            if (identity != null && identity.equals(identity(path))) {
                Files.delete(path);
            } else {
                LOG.warn("Socket file {} was replaced by someone else; leaving it", path);
            }
        } catch (NoSuchFileException e) {
            LOG.debug("Socket file {} already removed", path);
        } catch (IOException e) {
            LOG.warn("Cannot remove socket file {}: {}", path, e.toString());
        }
    }

    public static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] all = PosixFilePermission.values();
        for (int i = 0; i < all.length; i++) {
            // values() runs OWNER_READ .. OTHERS_EXECUTE, i.e. from bit 8 down to bit 0
            if ((mode & 1 << (all.length - 1 - i)) != 0) {
                set.add(all[i]);
            }
        }
        return set;
    }

    private static int intAttribute(Path path, String attribute) throws IOException {
        return (Integer) Files.getAttribute(path, attribute, LinkOption.NOFOLLOW_LINKS);
    }

    private static String reason(Exception e) {
        return e instanceof java.nio.file.attribute.UserPrincipalNotFoundException ? "no such user or group"
                : String.valueOf(e.getMessage());
    }
}
