package org.evi4j.launcher.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpServiceTest {

    @TempDir
    Path etc;

    @Test
    void theCfgFileGivesPortAndHost() throws IOException {
        Files.writeString(etc.resolve("org.apache.felix.http.cfg"),
                "org.osgi.service.http.port = 9999\norg.apache.felix.http.host = ::1\n");
        Map<String, String> props = new HashMap<>();
        HttpService.configure(etc, props);
        assertThat(props).containsEntry("org.osgi.service.http.port", "9999")
                .containsEntry("org.apache.felix.http.host", "::1").containsEntry("org.apache.felix.http.enable", "true");
        assertThat(HttpService.address(props)).isEqualTo("http://[::1]:9999/");
    }

    @Test
    void withoutTheFileHttpIsOffAndNeverOnEveryInterface() throws IOException {
        Map<String, String> props = new HashMap<>();
        HttpService.configure(etc, props);
        assertThat(props).containsEntry("org.apache.felix.http.enable", "false")
                .containsEntry("org.apache.felix.http.host", "127.0.0.1");
        assertThat(HttpService.address(props)).isNull();
    }

    @Test
    void theDefaultEtcListensOnLoopback8888() throws IOException {
        DefaultEtc.writeIfEmpty(etc, etc);
        Map<String, String> props = new HashMap<>();
        HttpService.configure(etc, props);
        assertThat(HttpService.address(props)).isEqualTo("http://127.0.0.1:8888/");
    }

    @Test
    void fileInstallLeavesTheHttpServiceFileAlone() {
        assertThat(HttpService.readByFileInstall(Path.of("org.apache.felix.http.cfg"))).isFalse();
        assertThat(HttpService.readByFileInstall(Path.of("org.evi4j.http.cfg"))).isTrue();
        assertThat(HttpService.readByFileInstall(Path.of("org.evi4j.core.cfg"))).isTrue();
        assertThat(HttpService.readByFileInstall(Path.of("notes.txt"))).isFalse();
    }
}
