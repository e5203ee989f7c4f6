package org.evi4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfigsTest {

    /** A configuration type as the bundles write them. */
    @interface Sample {
        String socket__name() default "udp:127.0.0.1:8080";

        int children__count() default 1;

        long socket_timeout() default 2000;

        boolean persist() default true;

        String[] allowed__destinations() default {"127.0.0.0/8"};

        String my$$price$_$tag() default "";
    }

    @Test
    void defaultsWhereNoPropertyIsGiven() {
        Sample sample = Configs.of(Sample.class);

        assertThat(sample.socket__name()).isEqualTo("udp:127.0.0.1:8080");
        assertThat(sample.children__count()).isEqualTo(1);
        assertThat(sample.persist()).isTrue();
        assertThat(sample.allowed__destinations()).containsExactly("127.0.0.0/8");
        assertThat(sample.annotationType()).isEqualTo(Sample.class);
    }

    @Test
    void propertiesAreNamedAsDeclarativeServicesNamesThem() {
        assertThat(Configs.propertyName("socket__name")).isEqualTo("socket_name");
        assertThat(Configs.propertyName("event_topics")).isEqualTo("event.topics");
        assertThat(Configs.propertyName("my$$price$_$tag")).isEqualTo("my$price-tag");
        assertThat(Configs.propertyName("$skip")).isEqualTo("skip");

        Sample sample = Configs.of(Sample.class, Map.of("socket_name", "unix:/tmp/mi.sock",
                "socket.timeout", 500, "my$price-tag", "x"));
        assertThat(sample.socket__name()).isEqualTo("unix:/tmp/mi.sock");
        assertThat(sample.socket_timeout()).isEqualTo(500L);
        assertThat(sample.my$$price$_$tag()).isEqualTo("x");
    }

    @Test
    void valuesAreConvertedAsFromACfgFile() {
        Sample sample = Configs.of(Sample.class, Map.of("children_count", "4", "persist", "false",
                "allowed_destinations", "10.0.0.0/8"));

        assertThat(sample.children__count()).isEqualTo(4);
        assertThat(sample.persist()).isFalse();
        assertThat(sample.allowed__destinations()).containsExactly("10.0.0.0/8");
        assertThat(Configs.of(Sample.class, Map.of("allowed_destinations", List.of("a", "b"))).allowed__destinations())
                .containsExactly("a", "b");
        assertThat(Configs.of(Sample.class, Map.of("children_count", new int[] {3})).children__count()).isEqualTo(3);
    }

    @Test
    void onlyAnnotationTypesAndConvertibleValues() {
        assertThatThrownBy(() -> Configs.of(Runnable.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Configs.of(Sample.class, Map.of("children_count", "many")).children__count())
                .isInstanceOf(NumberFormatException.class);
        assertThat(Configs.of(Sample.class).toString()).startsWith("Sample");
    }
}
