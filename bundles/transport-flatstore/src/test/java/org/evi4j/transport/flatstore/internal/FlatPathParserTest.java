package org.evi4j.transport.flatstore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.evi4j.spi.Destination;
import org.evi4j.testkit.Vectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Socket strings as OpenSIPS's flat_parse answers them (the vectors' "sockets", with /tmp/evi-vectors/flat moved to
 * a temporary folder), and the allowed folders: outside paths, links and ".." refused.
 */
class FlatPathParserTest {

    @TempDir
    Path tmp;
    private Path allowed;
    private FlatstoreTransport transport;

    @BeforeEach
    void start() throws IOException {
        allowed = Files.createDirectory(tmp.resolve("evi-vectors"));
        Files.createDirectory(allowed.resolve("flat"));
        transport = Flat.transport(allowed);
    }

    @AfterEach
    void stop() throws InterruptedException {
        transport.deactivate();
    }

    @Test
    void everyVectorSocketIsAcceptedOrRefusedWithOpenSipsReason() {
        for (JsonNode c : Vectors.load("transports-flatstore.json").get("sockets")) {
            String address = c.get("socket").asText().substring("flatstore:".length())
                    .replace("/tmp/evi-vectors", allowed.toString());
            boolean ok = c.get("reply").asText().contains("\"result\":\"OK\"");
            if (ok) {
                Destination destination = transport.parse(address);
                assertThat(destination.address()).isEqualTo(address);
                assertThat(Path.of(address)).as("not created at subscription").doesNotExist();
            } else {
                String log = c.get("server_log").get(0).asText();
                String reason = log.substring(log.indexOf("flat_parse: ") + "flat_parse: ".length());
                assertThatThrownBy(() -> transport.parse(address)).as(address)
                        .isInstanceOf(IllegalArgumentException.class).hasMessage(reason);
            }
        }
    }

    @Test
    void pathsOutsideTheAllowedFoldersAreRefused() throws IOException {
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        assertThatThrownBy(() -> transport.parse(outside.resolve("x.log").toString()))
                .hasMessageContaining("outside the allowed folders").hasMessageContaining("allowed_folders");
        assertThatThrownBy(() -> transport.parse(allowed + "/flat/../../outside/x.log"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> transport.parse("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> transport.parse("relative.log")).hasMessageContaining("not absolute");
    }

    @Test
    void symbolicLinksCannotLeadOutside() throws IOException {
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Path target = Files.createFile(outside.resolve("target.log"));
        Files.createSymbolicLink(allowed.resolve("out"), outside);
        Files.createSymbolicLink(allowed.resolve("link.log"), target);
        assertThatThrownBy(() -> transport.parse(allowed + "/out/x.log"))
                .hasMessageContaining("outside the allowed folders");
        assertThatThrownBy(() -> transport.parse(allowed + "/link.log")).hasMessageContaining("symbolic link");
        assertThat(Files.size(target)).isZero();
    }

    @Test
    void aLinkedFolderInsideIsFineAndWritesToItsRealLocation() throws IOException {
        Files.createSymbolicLink(allowed.resolve("alias"), allowed.resolve("flat"));
        FlatDestination destination = (FlatDestination) transport.parse(allowed + "/alias/a.log");
        assertThat(destination.address()).isEqualTo(allowed + "/alias/a.log");
        assertThat(destination.realPath()).isEqualTo(allowed.resolve("flat").toRealPath().resolve("a.log"));
    }

    @Test
    void theDefaultFolderAloneIsAllowedWhenNoneIsConfigured() throws Exception {
        FlatstoreTransport byDefault = new FlatstoreTransport(
                org.evi4j.testkit.Configs.of(FlatstoreTransportConfig.class), allowed.resolve("flat"));
        try {
            assertThat(byDefault.parse(allowed + "/flat/a.log").address()).isEqualTo(allowed + "/flat/a.log");
            assertThatThrownBy(() -> byDefault.parse(allowed + "/a.log"))
                    .hasMessageContaining("outside the allowed folders");
        } finally {
            byDefault.deactivate();
        }
    }
}
