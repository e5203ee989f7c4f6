package org.evi4j.launcher.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultEtcTest {

    @TempDir
    Path dir;

    private static Properties load(Path file) throws Exception {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        }
        return props;
    }

    @Test
    void writesTheDefaultsIntoAMissingFolder() throws Exception {
        Path etc = dir.resolve("etc");
        Path work = Files.createDirectories(dir.resolve("w"));
        assertThat(DefaultEtc.writeIfEmpty(etc, work)).isTrue();

        assertThat(etc).isDirectoryContaining(p -> p.getFileName().toString().equals("org.evi4j.core.cfg"));
        assertThat(load(etc.resolve("org.evi4j.core.cfg"))).containsOnly(
                org.assertj.core.api.Assertions.entry("published_events", "E_DEMO"));
        assertThat(load(etc.resolve("org.evi4j.mi.datagram-udp.cfg")))
                .containsOnly(org.assertj.core.api.Assertions.entry("socket_name", "udp:127.0.0.1:8080"));
        String unix = load(etc.resolve("org.evi4j.mi.datagram-unix.cfg")).getProperty("socket_name");
        assertThat(unix).isEqualTo("unix:" + work.toAbsolutePath().resolve("evi4j_mi.sock"));
        assertThat(Files.readString(etc.resolve("org.evi4j.mi.datagram-udp.cfg"))).contains("# socket_name:");
    }

    @Test
    void writesIntoAnEmptyFolderButLeavesAnyOtherAlone() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(DefaultEtc.writeIfEmpty(empty, dir)).isTrue();

        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("org.evi4j.core.cfg"), "published_events = E_MINE\n");
        assertThat(DefaultEtc.writeIfEmpty(mine, dir)).isFalse();
        try (var files = Files.list(mine)) {
            assertThat(files).hasSize(1);
        }
        assertThat(Files.readString(mine.resolve("org.evi4j.core.cfg"))).isEqualTo("published_events = E_MINE\n");
    }

    @Test
    void unixSocketFallsBackToTmpWhenTheWorkingFolderPathIsTooLong() {
        Path shortDir = Path.of("/srv/evi4j");
        assertThat(DefaultEtc.unixSocketPath(shortDir)).isEqualTo(Path.of("/srv/evi4j/evi4j_mi.sock"));
        Path longDir = Path.of("/srv/" + "d".repeat(100));
        assertThat(DefaultEtc.unixSocketPath(longDir)).isEqualTo(Path.of("/tmp/evi4j_mi.sock"));
    }
}
