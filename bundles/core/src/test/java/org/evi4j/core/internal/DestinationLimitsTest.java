package org.evi4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.evi4j.api.InvalidSubscriptionException;
import org.evi4j.api.SubscriberInfo;
import org.evi4j.spi.EventTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where subscribers may point and how many may point at one place (issue #17: items 1, 4 and 5). */
class DestinationLimitsTest {

    @TempDir
    Path temp;

    private Fixture fixture(Settings settings) {
        Fixture f = new Fixture(settings);
        f.transports.add(new PathTransport(), f.props(EventTransport.SCHEME_PROPERTY, "path", 0));
        f.engine.publish("E_A");
        f.engine.publish("E_B");
        f.engine.publish("E_C");
        return f;
    }

    @Test
    void pathsOutsideTheAllowedFoldersAreRefusedWhateverTheSpelling() throws IOException {
        Path allowed = Files.createDirectories(temp.resolve("sockets"));
        Path secret = Files.createDirectories(temp.resolve("secret"));
        Files.createSymbolicLink(allowed.resolve("door"), secret);
        Files.createSymbolicLink(allowed.resolve("log.sock"), secret.resolve("private.sock"));
        Fixture f = fixture(Settings.defaults().withAllowedUnixFolders(List.of(allowed)));
        for (String escape : List.of(secret + "/private.sock", allowed + "/../secret/private.sock",
                allowed + "/door/private.sock", allowed + "/log.sock", allowed + "/door/../secret/private.sock",
                "/dev/log", "/run/systemd/notify")) {
            assertThatThrownBy(() -> f.engine.subscribe("E_A", "path:" + escape)).as(escape)
                    .isInstanceOf(InvalidSubscriptionException.class).hasMessageContaining("not allowed");
        }
        f.engine.subscribe("E_A", "path:" + allowed + "/listener.sock");
        assertThat(f.engine.subscribers("E_A")).extracting(SubscriberInfo::socket)
                .containsExactly("path:" + allowed + "/listener.sock");
    }

    @Test
    void withoutAllowedFoldersNoPathIsAllowed() {
        Fixture f = fixture(Settings.defaults());
        assertThatThrownBy(() -> f.engine.subscribe("E_A", "path:" + temp + "/a.sock"))
                .isInstanceOf(InvalidSubscriptionException.class).hasMessageContaining("allowed_unix_folders");
    }

    @Test
    void spellingsOfOnePlaceAreOneSubscriberListedAsFirstWritten() {
        Fixture f = fixture(Settings.defaults());
        for (int i = 0; i < 200; i++) {
            String spelling = Integer.toBinaryString(i).replace('0', 'x').replace('1', 'X');
            f.engine.subscribe("E_A", "path:Host-" + "x".repeat(8 - spelling.length()) + spelling);
        }
        assertThat(f.engine.subscribers("E_A")).extracting(SubscriberInfo::socket)
                .containsExactly("path:Host-xxxxxxxx");
        assertThat(f.engine.unsubscribe("E_A", "path:HOST-XXXXXXXX")).isTrue();
        assertThat(f.engine.subscribers("E_A")).isEmpty();
    }

    @Test
    void oneDestinationMayHaveAFewSubscriptionsAcrossEventsAndRefreshesStayFree() {
        Fixture f = fixture(Settings.defaults().withMaxPerDestination(2));
        f.engine.subscribe("E_A", "path:dest");
        f.engine.subscribe("E_B", "path:DEST");
        assertThatThrownBy(() -> f.engine.subscribe("E_C", "path:dest"))
                .isInstanceOf(InvalidSubscriptionException.class)
                .hasMessageContaining("max_subscribers_per_destination (2)");
        f.engine.subscribe("E_A", "path:dest", 60);
        f.engine.subscribe("E_C", "path:other");
        assertThat(f.engine.subscribers("E_A")).singleElement().extracting(SubscriberInfo::expire).isEqualTo(60);
    }

    @Test
    void aHugeExpireIsRefusedByTheDefaultMaxExpireOfADay() {
        Fixture f = fixture(Settings.defaults());
        // an MI expire of 1e300 saturates to Integer.MAX_VALUE before it gets here
        assertThatThrownBy(() -> f.engine.subscribe("E_A", "path:dest", Integer.MAX_VALUE))
                .isInstanceOf(InvalidSubscriptionException.class).hasMessageContaining("max_expire 86400");
        f.engine.subscribe("E_A", "path:dest", 86_400);
        assertThat(f.engine.subscribers("E_A")).singleElement().extracting(SubscriberInfo::expire)
                .isEqualTo(86_400);
    }
}
