package org.evi4j.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllowedFoldersTest {

    @TempDir
    Path temp;

    @Test
    void pathsInsideAnAllowedFolderGiveTheirRealLocation() throws IOException {
        Path allowed = Files.createDirectories(temp.resolve("sockets"));
        Files.createDirectories(allowed.resolve("sub"));
        AllowedFolders folders = new AllowedFolders(List.of(allowed));
        Path real = allowed.toRealPath().resolve("ev.sock");
        assertThat(folders.check(allowed.resolve("ev.sock"))).isEqualTo(real);
        assertThat(folders.check(Path.of(allowed + "//./ev.sock"))).isEqualTo(real);
        assertThat(folders.check(allowed.resolve("sub/../ev.sock"))).isEqualTo(real);
        assertThat(folders.check(allowed.resolve("sub/ev.sock")))
                .isEqualTo(allowed.toRealPath().resolve("sub/ev.sock"));
    }

    @Test
    void dotDotAndSiblingFoldersWithTheSamePrefixAreRefused() throws IOException {
        Path allowed = Files.createDirectories(temp.resolve("sockets"));
        Files.createDirectories(temp.resolve("socketsX"));
        AllowedFolders folders = new AllowedFolders(List.of(allowed));
        assertThatThrownBy(() -> folders.check(allowed.resolve("../private.sock")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowed_unix_folders");
        assertThatThrownBy(() -> folders.check(temp.resolve("socketsX/a.sock")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> folders.check(allowed)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> folders.check(Path.of(allowed + "/.."))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSymlinkedFolderOrSocketCannotEscape() throws IOException {
        Path allowed = Files.createDirectories(temp.resolve("sockets"));
        Path secret = Files.createDirectories(temp.resolve("secret"));
        Files.createSymbolicLink(allowed.resolve("door"), secret);
        Files.createSymbolicLink(allowed.resolve("log.sock"), secret.resolve("private.sock"));
        AllowedFolders folders = new AllowedFolders(List.of(allowed));
        assertThatThrownBy(() -> folders.check(allowed.resolve("door/private.sock")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
        assertThatThrownBy(() -> folders.check(allowed.resolve("log.sock")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("symbolic link");
        // "door/.." is the parent of the link's target, not the allowed folder
        assertThatThrownBy(() -> folders.check(allowed.resolve("door/../secret/private.sock")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAllowedFolderReachedThroughALinkStillAllowsItsRealContents() throws IOException {
        Path real = Files.createDirectories(temp.resolve("real"));
        Path link = Files.createSymbolicLink(temp.resolve("link"), real);
        assertThat(new AllowedFolders(List.of(link)).check(real.resolve("a.sock"))).isEqualTo(real.toRealPath()
                .resolve("a.sock"));
    }

    @Test
    void missingFoldersAndRelativePathsAreRefused() {
        AllowedFolders folders = new AllowedFolders(List.of(temp.resolve("not-yet")));
        assertThatThrownBy(() -> folders.check(temp.resolve("not-yet/a.sock")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> AllowedFolders.realPath(Path.of("rel/a.sock")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AllowedFolders(List.of(Path.of("rel"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
