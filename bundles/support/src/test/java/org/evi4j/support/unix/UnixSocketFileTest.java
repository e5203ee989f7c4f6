package org.evi4j.support.unix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

class UnixSocketFileTest {

    @TempDir
    Path dir;

    /** A socket file whose socket is closed: nobody listens there any more. */
    private Path staleSocket(String name) throws IOException {
        Path path = dir.resolve(name);
        try (AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open()) {
            channel.setDeleteOnClose(false);
            channel.bind(AFUNIXSocketAddress.of(path));
        }
        assertThat(path).exists();
        return path;
    }

    @Test
    void removesAStaleSocketAndIgnoresAMissingOne() throws IOException {
        Path stale = staleSocket("stale.sock");
        UnixSocketFile.clearStale(stale);
        assertThat(Files.exists(stale, LinkOption.NOFOLLOW_LINKS)).isFalse();
        UnixSocketFile.clearStale(dir.resolve("missing.sock"));
    }

    @Test
    void leavesALiveSocketAlone() throws IOException {
        Path path = dir.resolve("live.sock");
        try (AFUNIXDatagramChannel live = AFUNIXDatagramChannel.open()) {
            live.bind(AFUNIXSocketAddress.of(path));
            assertThatThrownBy(() -> UnixSocketFile.clearStale(path)).hasMessageContaining("in use");
            assertThat(path).exists();
        }
    }

    @Test
    void refusesRegularFilesSymbolicLinksAndHardLinks() throws IOException {
        Path file = Files.writeString(dir.resolve("file.sock"), "keep me");
        assertThatThrownBy(() -> UnixSocketFile.clearStale(file)).hasMessageContaining("not a socket");
        assertThat(file).hasContent("keep me");

        Path target = staleSocket("target.sock");
        Path link = Files.createSymbolicLink(dir.resolve("link.sock"), target);
        assertThatThrownBy(() -> UnixSocketFile.clearStale(link)).hasMessageContaining("symbolic link");
        assertThat(Files.isSymbolicLink(link)).isTrue();

        Path hard = Files.createLink(dir.resolve("hard.sock"), target);
        assertThatThrownBy(() -> UnixSocketFile.clearStale(hard)).hasMessageContaining("hard-linked");
        assertThat(target).exists();
    }

    @Test
    void bindsInAPrivateFolderAndMovesTheSocketIntoPlaceWithItsFinalMode() throws IOException {
        Path path = dir.resolve("mi.sock");
        try (AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open()) {
            channel.setDeleteOnClose(false);
            Object identity = UnixSocketFile.bindPrivately(path, at -> {
                assertThat(Files.exists(path, LinkOption.NOFOLLOW_LINKS)).as("not reachable while bound").isFalse();
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(at.getParent())))
                        .isEqualTo("rwx------");
                channel.bind(AFUNIXSocketAddress.of(at));
            }, 0600, "", "");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)))
                    .isEqualTo("rw-------");
            assertThat(UnixSocketFile.identity(path)).isEqualTo(identity);
            try (var files = Files.list(dir)) {
                assertThat(files).as("the private folder is gone").containsExactly(path);
            }
            try (AFUNIXDatagramChannel client = AFUNIXDatagramChannel.open()) {
                client.connect(AFUNIXSocketAddress.of(path));
                client.write(ByteBuffer.wrap(new byte[] {42}));
            }
            ByteBuffer received = ByteBuffer.allocate(4);
            channel.receive(received);
            assertThat(received.position()).as("the moved socket receives at its final path").isEqualTo(1);
        }
    }

    @Test
    void leavesNothingBehindWhenItCannotFinish() throws IOException {
        Path path = dir.resolve("mi.sock");
        try (AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open()) {
            assertThatThrownBy(() -> UnixSocketFile.bindPrivately(path, at -> channel.bind(AFUNIXSocketAddress.of(at)),
                    0600, "no-such-user-evi4j", "")).hasMessageContaining("no-such-user-evi4j");
        }
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        Path deep = Files.createDirectories(dir.resolve("d".repeat(100 - dir.toString().length())));
        assertThatThrownBy(() -> UnixSocketFile.bindPrivately(deep.resolve("m"), at -> { }, 0600, "", ""))
                .hasMessageContaining("longer than 107 bytes");
        try (var files = Files.list(deep)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void removesOnlyTheFileItBound() throws IOException {
        Path path = staleSocket("mine.sock");
        Object mine = UnixSocketFile.identity(path);
        // moved away, not deleted: its inode stays taken, so the new file cannot reuse it
        Files.move(path, dir.resolve("moved.sock"));
        staleSocket("mine.sock");
        UnixSocketFile.remove(path, mine);
        assertThat(path).as("someone else's socket at the same path stays").exists();
        UnixSocketFile.remove(path, UnixSocketFile.identity(path));
        assertThat(Files.exists(path, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }
}
