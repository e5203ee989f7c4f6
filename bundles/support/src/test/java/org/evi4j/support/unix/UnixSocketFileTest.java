package org.evi4j.support.unix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

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
