package org.evi4j.transport.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The typed configuration: its defaults become the client's, and what the bundle cannot do is refused. */
class ProducerSettingsTest {

    @Test
    void theDefaultsAreTheClientDefaultsEveryProducerStartsFrom() {
        ProducerSettings settings = ProducerSettings.of(config("all", "none", 8 * 1024 * 1024));
        assertThat(settings.defaults()).isEqualTo(Map.of("acks", "all", "linger.ms", "5", "compression.type", "none"));
        assertThat(settings.queueBytes()).isEqualTo(8 * 1024 * 1024);
        assertThat(settings.maxProducers()).isEqualTo(16);
        assertThat(settings.maxBlockMs()).isEqualTo(1000);
    }

    @Test
    void aCodecTheBundleDoesNotCarryIsRefusedWithTheReason() {
        assertThatThrownBy(() -> ProducerSettings.of(config("all", "lz4", 8 * 1024 * 1024)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("compression.type lz4 is not available in the configuration: evi4j's Kafka transport "
                        + "carries no lz4 codec; use gzip or none");
        assertThat(ProducerSettings.of(config("1", "gzip", 8 * 1024 * 1024)).defaults())
                .containsEntry("compression.type", "gzip").containsEntry("acks", "1");
    }

    @Test
    void badValuesAreRefused() {
        assertThatThrownBy(() -> ProducerSettings.of(config("most", "none", 8 * 1024 * 1024)))
                .hasMessageContaining("Invalid value most for configuration acks");
        assertThatThrownBy(() -> ProducerSettings.of(config("all", "none", 100)))
                .hasMessage("queue_bytes must be 1024 or more: 100");
    }

    private static KafkaTransportConfig config(String acks, String compression, long queueBytes) {
        return new KafkaTransportConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return KafkaTransportConfig.class;
            }

            @Override
            public long queue__bytes() {
                return queueBytes;
            }

            @Override
            public int max__producers() {
                return 16;
            }

            @Override
            public String acks() {
                return acks;
            }

            @Override
            public int linger__ms() {
                return 5;
            }

            @Override
            public String compression__type() {
                return compression;
            }

            @Override
            public long max__block__ms() {
                return 1000;
            }
        };
    }
}
