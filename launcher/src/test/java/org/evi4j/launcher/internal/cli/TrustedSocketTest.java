package org.evi4j.launcher.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** What the client refuses to send to; sockets owned by other users are in LauncherSecurityIT (needs root). */
class TrustedSocketTest {

    @TempDir
    Path dir;

    private int me() throws IOException {
        return TrustedSocket.intAttribute(dir, "unix:uid");
    }

    @Test
    void acceptsItsOwnSocketInItsOwnFolder() throws IOException {
        Path path = dir.resolve("mi.sock");
        try (AFUNIXDatagramChannel server = AFUNIXDatagramChannel.open()) {
            server.bind(AFUNIXSocketAddress.of(path));
            assertThat(TrustedSocket.check(path, me())).isEqualTo(TrustedSocket.identity(path)).isNotNull();
        }
    }

    @Test
    void refusesMissingPathsFilesLinksAndFoldersOthersMayChange() throws IOException {
        assertThatThrownBy(() -> TrustedSocket.check(dir.resolve("none.sock"), me()))
                .hasMessageContaining("no MI socket at");
        Path file = Files.writeString(dir.resolve("file.sock"), "x");
        assertThatThrownBy(() -> TrustedSocket.check(file, me())).hasMessageContaining("is not a socket");

        Path open = Files.createDirectories(dir.resolve("open"));
        Path socket = open.resolve("mi.sock");
        try (AFUNIXDatagramChannel server = AFUNIXDatagramChannel.open()) {
            server.bind(AFUNIXSocketAddress.of(socket));
            Path link = Files.createSymbolicLink(dir.resolve("link.sock"), socket);
            assertThatThrownBy(() -> TrustedSocket.check(link, me())).hasMessageContaining("is not a socket");

            Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
            assertThatThrownBy(() -> TrustedSocket.check(socket, me()))
                    .hasMessageContaining("may be changed by other users");
        }
    }
}
