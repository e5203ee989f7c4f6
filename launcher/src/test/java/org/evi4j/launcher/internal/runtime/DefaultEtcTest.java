package org.evi4j.launcher.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultEtcTest {

    /** The one source of the default configuration: the Karaf features' .cfg files. */
    private static final Path FEATURES_CFG = Paths.get("../features/src/main/cfg");

    @TempDir
    Path dir;

    @Test
    void writesTheFeaturesCfgFilesAsTheyAreIntoAMissingFolder() throws Exception {
        Path etc = dir.resolve("etc");
        List<String> written;
        try (EmbeddedFiles defaults = EmbeddedFiles.defaultEtc()) {
            written = DefaultEtc.writeIfEmpty(etc, defaults);
        }

        assertThat(written).contains("org.evi4j.core.cfg", "org.evi4j.mi.datagram-udp.cfg",
                "org.evi4j.mi.datagram-unix.cfg");
        try (var files = Files.list(etc)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrderElementsOf(written);
        }
        for (String name : written) {
            assertThat(etc.resolve(name)).as(name).hasSameBinaryContentAs(FEATURES_CFG.resolve(name));
        }
    }

    @Test
    void writesIntoAnEmptyFolderButLeavesAnyOtherAlone() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("org.evi4j.core.cfg"), "published_events = E_MINE\n");
        try (EmbeddedFiles defaults = EmbeddedFiles.defaultEtc()) {
            assertThat(DefaultEtc.writeIfEmpty(empty, defaults)).isNotEmpty();
            assertThat(DefaultEtc.writeIfEmpty(mine, defaults)).isEmpty();
        }
        try (var files = Files.list(mine)) {
            assertThat(files).hasSize(1);
        }
        assertThat(Files.readString(mine.resolve("org.evi4j.core.cfg"))).isEqualTo("published_events = E_MINE\n");
    }
}
