package org.evi4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.evi4j.testkit.Configs;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void noConfigurationGivesTheDocumentedDefaults() {
        Settings s = Settings.from(Configs.of(CoreConfig.class, Map.of()));
        assertThat(s).isEqualTo(Settings.defaults());
        assertThat(s.defaultEncoder()).isEqualTo("jsonrpc");
        assertThat(s.defaultExpire()).isEqualTo(3600);
        assertThat(s.maxExpire()).isEqualTo(86_400);
        assertThat(s.maxPerDestination()).isEqualTo(64);
        assertThat(s.allowedUnixFolders()).isEmpty();
        assertThat(s.persist()).isTrue();
        assertThat(s.allowedDestinations()).hasToString("127.0.0.0/8, ::1/128");
        assertThat(s.maxSubscribersPerEvent()).isEqualTo(1000);
        assertThat(s.maxSubscribers()).isEqualTo(10000);
        assertThat(s.publishedEvents()).isEmpty();
    }

    @Test
    void listsFromACfgFileAreSplitOnCommasAndTrimmed() {
        Settings s = Settings.from(Configs.of(CoreConfig.class, Map.of("published_events", " E_A, E_B ,,E_C",
                "allowed_destinations", "10.0.0.0/8 , ::1/128")));
        assertThat(s.publishedEvents()).containsExactly("E_A", "E_B", "E_C");
        assertThat(s.allowedDestinations()).hasToString("10.0.0.0/8, ::1/128");
        Settings arrays = Settings.from(Configs.of(CoreConfig.class, Map.of("published_events", new String[] {"E_A,E_B", "E_C"})));
        assertThat(arrays.publishedEvents()).containsExactly("E_A", "E_B", "E_C");
    }

    @Test
    void badValuesAreSkippedOrReplacedByDefaults() {
        Settings s = Settings.from(Configs.of(CoreConfig.class, Map.of("published_events", "E_OK, " + "X".repeat(65),
                "allowed_destinations", "nonsense, 10.0.0.0/8", "default_expire", -5, "max_expire", -1,
                "max_subscribers", 0, "default_encoder", " ")));
        assertThat(s.publishedEvents()).containsExactly("E_OK");
        assertThat(s.allowedDestinations()).hasToString("10.0.0.0/8");
        assertThat(s.defaultExpire()).isEqualTo(3600);
        assertThat(s.maxExpire()).isZero();
        assertThat(s.maxSubscribers()).isEqualTo(10000);
        assertThat(s.defaultEncoder()).isEqualTo("jsonrpc");
    }

    @Test
    void defaultExpireIsCappedByMaxExpire() {
        Settings s = Settings.from(Configs.of(CoreConfig.class, Map.of("max_expire", 600)));
        assertThat(s.defaultExpire()).isEqualTo(600);
        Fixture f = new Fixture(s);
        f.engine.publish("E_A");
        f.engine.subscribe("E_A", "udp:127.0.0.1:1");
        assertThat(f.engine.subscribers("E_A").get(0).expire()).isEqualTo(600);
    }

    @Test
    void valuesAreTaken() {
        Settings s = Settings.from(Configs.of(CoreConfig.class, Map.of("default_encoder", "legacy", "default_expire", 60,
                "max_expire", 120, "persist", false, "max_subscribers_per_event", 3, "max_subscribers", 4)));
        assertThat(s).isEqualTo(new Settings(List.of(), "legacy", 60, 120, false,
                Settings.defaults().allowedDestinations(), 3, 4, List.of(), 64));
    }
}
