package org.evi4j.mi.datagram.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.evi4j.mi.datagram.internal.MiTestSupport.config;

import org.evi4j.support.net.SocketName;
import org.evi4j.support.unix.UnixSocketFile;

import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    @Test
    void theDefaultsAreOpenSipsOnes() {
        ServerSettings settings = ServerSettings.of(config("socket_name", "/tmp/mi.sock"));
        assertThat(settings.children()).isEqualTo(1);
        assertThat(settings.mode()).isEqualTo(0660);
        assertThat(settings.user()).isEmpty();
        assertThat(settings.group()).isEmpty();
        assertThat(settings.timeoutMillis()).isEqualTo(2000);
        assertThat(settings.indent()).isEqualTo("\t");
        assertThat(settings.sources()).hasToString("127.0.0.0/8, ::1/128");
        assertThat(settings.busyPollMicros()).isEqualTo(50);
    }

    @Test
    void readsEveryProperty() {
        ServerSettings settings = ServerSettings.of(config("socket_name", "udp:127.0.0.1:0", "children_count", 4,
                "unix_socket_mode", "0644", "unix_socket_user", " mi ", "unix_socket_group", "100",
                "socket_timeout", 50, "reply_indent", "", "allowed_sources", "10.0.0.0/8", "busy_poll_us", 0));
        assertThat(settings.socket()).isEqualTo(new SocketName("127.0.0.1", 0, null));
        assertThat(settings.children()).isEqualTo(4);
        assertThat(settings.mode()).isEqualTo(0644);
        assertThat(settings.user()).isEqualTo("mi");
        assertThat(settings.group()).isEqualTo("100");
        assertThat(settings.timeoutMillis()).isEqualTo(50);
        assertThat(settings.indent()).isEmpty();
        assertThat(settings.sources()).hasToString("10.0.0.0/8");
        assertThat(ServerSettings.of(config("socket_name", "/tmp/s", "allowed_sources",
                new String[] {"10.0.0.0/8, 192.0.2.1", "::1"})).sources()).hasToString("10.0.0.0/8, 192.0.2.1, ::1");
        assertThat(settings.busyPollMicros()).isZero();
    }

    @Test
    void indentsWrittenWithBackslashTAreTabs() {
        assertThat(ServerSettings.indent("\\t")).isEqualTo("\t");
        assertThat(ServerSettings.indent("\\t\\t")).isEqualTo("\t\t");
        assertThat(ServerSettings.indent("  ")).isEqualTo("  ");
        assertThat(ServerSettings.indent("\t")).isEqualTo("\t");
    }

    @Test
    void readsOctalModesAsOpenSipsDoes() {
        assertThat(ServerSettings.mode("660")).isEqualTo(0660);
        assertThat(ServerSettings.mode("0600")).isEqualTo(0600);
        assertThat(ServerSettings.mode("0")).isEqualTo(0600);
        assertThat(ServerSettings.mode("")).isEqualTo(0660);
        assertThat(ServerSettings.mode(null)).isEqualTo(0660);
        assertThatThrownBy(() -> ServerSettings.mode("0689")).hasMessageContaining("unix_socket_mode '0689'");
        assertThatThrownBy(() -> ServerSettings.mode("4755")).hasMessageContaining("0777");
        assertThatThrownBy(() -> ServerSettings.mode("rw-rw----")).hasMessageContaining("octal");
    }

    @Test
    void refusesBadValuesNamingTheProperty() {
        assertThatThrownBy(() -> ServerSettings.of(config())).hasMessageContaining("socket_name: a socket is required");
        assertThatThrownBy(() -> ServerSettings.of(config("socket_name", "unix:rel"))).hasMessageContaining("socket_name");
        assertThatThrownBy(() -> ServerSettings.of(config("socket_name", "/tmp/s", "children_count", 0)))
                .hasMessageContaining("children_count");
        assertThatThrownBy(() -> ServerSettings.of(config("socket_name", "/tmp/s", "children_count", 1025)))
                .hasMessageContaining("children_count");
        assertThatThrownBy(() -> ServerSettings.of(config("socket_name", "/tmp/s", "socket_timeout", 0)))
                .hasMessageContaining("socket_timeout");
        assertThatThrownBy(() -> ServerSettings.of(config("socket_name", "/tmp/s", "allowed_sources", "x")))
                .hasMessageContaining("allowed_sources");
        assertThatThrownBy(() -> ServerSettings.of(config("socket_name", "/tmp/s", "busy_poll_us", -1)))
                .hasMessageContaining("busy_poll_us");
        assertThatThrownBy(() -> ServerSettings.of(config("socket_name", "/tmp/s", "busy_poll_us", 10_001)))
                .hasMessageContaining("busy_poll_us");
    }

    @Test
    void turnsModesIntoPermissions() {
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(UnixSocketFile.permissions(0751)))
                .isEqualTo("rwxr-x--x");
    }
}
