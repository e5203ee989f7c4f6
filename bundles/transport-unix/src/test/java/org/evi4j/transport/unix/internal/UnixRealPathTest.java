package org.evi4j.transport.unix.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.evi4j.spi.Destination;
import org.evi4j.spi.SendResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue #17: spellings of one socket are one destination; datagrams never follow a link swapped in later. */
@Timeout(60)
class UnixRealPathTest {

    @TempDir
    Path dir;

    private final UnixTransport transport = new UnixTransport();

    @AfterEach
    void stop() {
        transport.deactivate();
    }

    @Test
    void spellingsAndLinkedFoldersOfOneSocketHaveOneIdentityAndPath() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path linked = Files.createSymbolicLink(dir.resolve("linked"), real);
        Files.createDirectories(real.resolve("sub"));
        String plain = real + "/ev.sock";
        Set<String> identities = new HashSet<>();
        for (String spelling : List.of(plain, "/" + plain, real + "/./ev.sock", real + "//ev.sock",
                real + "/sub/../ev.sock", linked + "/ev.sock")) {
            Destination d = transport.parse(spelling);
            assertThat(d.address()).as("listed as written").isEqualTo(spelling);
            assertThat(d.path()).contains(real.toRealPath().resolve("ev.sock"));
            identities.add(d.identity());
        }
        assertThat(identities).containsExactly(real.toRealPath().resolve("ev.sock").toString());
    }

    @Test
    void datagramsGoToTheRealLocationEvenWhenTheFolderLinkMovesLater() throws IOException {
        Path good = Files.createDirectories(dir.resolve("good"));
        Path evil = Files.createDirectories(dir.resolve("evil"));
        Path door = Files.createSymbolicLink(dir.resolve("door"), good);
        try (UnixDatagramPeer listener = new UnixDatagramPeer(good.resolve("ev.sock"));
                UnixDatagramPeer victim = new UnixDatagramPeer(evil.resolve("ev.sock"))) {
            Destination d = transport.parse(door + "/ev.sock");
            Files.delete(door);
            Files.createSymbolicLink(door, evil);
            assertThat(transport.send(d, ByteBuffer.wrap("E_X\n\n".getBytes(UTF_8)))).isSameAs(SendResult.SENT);
            assertThat(listener.receive()).asString(UTF_8).isEqualTo("E_X\n\n");
        }
    }

    @Test
    void aSocketReplacedByALinkIsNotFollowed() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("listeners"));
        Path secret = Files.createDirectories(dir.resolve("secret"));
        try (UnixDatagramPeer victim = new UnixDatagramPeer(secret.resolve("private.sock"))) {
            UnixDatagramPeer listener = new UnixDatagramPeer(folder.resolve("ev.sock"));
            Destination d = transport.parse(folder + "/ev.sock");
            listener.close(true);
            Files.createSymbolicLink(folder.resolve("ev.sock"), secret.resolve("private.sock"));
            SendResult result = transport.send(d, ByteBuffer.wrap("STOPPING=1\n".getBytes(UTF_8)));
            assertThat(result.status()).isEqualTo(SendResult.Status.FAILED);
            assertThat(result.reason()).contains("symbolic link");
        }
    }
}
