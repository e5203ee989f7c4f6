package org.evi4j.mi.datagram.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What bnd built from the annotations and bnd.bnd: the contract with the framework, SCR and ConfigAdmin. */
class BundleMetadataIT {
    private JarFile bundle;

    @BeforeEach
    void open() throws IOException {
        bundle = new JarFile(System.getProperty("evi4j.bundle"));
    }

    @AfterEach
    void close() throws IOException {
        bundle.close();
    }

    private String entry(String name) throws IOException {
        ZipEntry entry = bundle.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        try (InputStream in = bundle.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void importsJunixsocketFromItsOwnBundleAndEmbedsNoneOfIt() throws IOException {
        Attributes manifest = bundle.getManifest().getMainAttributes();
        assertThat(manifest.getValue("Bundle-ClassPath")).isNull();
        assertThat(bundle.getEntry("lib/junixsocket-common.jar")).isNull();
        assertThat(manifest.getValue("Import-Package")).contains("org.evi4j.mi;version=\"[2.1,3)\"")
                .contains("org.newsclub.net.unix;version=\"[2.11,3)\"").doesNotContain("kohlschutter")
                .doesNotContain("errorprone");
        assertThat(manifest.getValue("Export-Package")).isNull();
    }

    @Test
    void oneComponentPerFactoryConfigurationNeedingTheDispatcher() throws IOException {
        String xml = entry("OSGI-INF/org.evi4j.mi.datagram.internal.MiDatagramServer.xml");
        // XML turns a raw tab in an attribute into a space: the default indent must be written \t
        assertThat(xml).doesNotContain("\t").contains("name=\"reply_indent\" type=\"String\" value=\"\\t\"");
        assertThat(xml).contains("configuration-policy=\"require\"")
                .contains("configuration-pid=\"org.evi4j.mi.datagram\"")
                .contains("deactivate=\"stop\"")
                .contains("interface=\"org.evi4j.mi.MiDispatcher\"")
                .doesNotContain("modified=")
                .doesNotContain("<service");
    }

    @Test
    void metatypeDesignatesAFactoryWithOpenSipsPropertyNames() throws IOException {
        String xml = entry("OSGI-INF/metatype/org.evi4j.mi.datagram.xml");
        assertThat(xml).contains("<Designate factoryPid=\"org.evi4j.mi.datagram\">");
        for (String id : new String[] {"socket_name", "children_count", "unix_socket_mode", "unix_socket_user",
            "unix_socket_group", "socket_timeout", "reply_indent", "allowed_sources", "busy_poll_us"}) {
            assertThat(xml).contains("<AD id=\"" + id + "\"");
        }
        assertThat(xml).containsPattern("<AD id=\"socket_name\"(?![^>]*required=\"false\")[^>]*/>")
                .containsPattern("<AD id=\"socket_timeout\"[^>]*default=\"2000\"");
    }
}
