package org.evi4j.eventadmin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.evi4j.api.Event;
import org.evi4j.api.EventParam;
import org.junit.jupiter.api.Test;

class InboundMapperTest {

    @Test
    void integralBoxesOf32BitsOrLessBecomeIntParams() {
        assertThat(InboundMapper.param("i", 42)).isEqualTo(EventParam.of("i", 42));
        assertThat(InboundMapper.param("s", (short) -3)).isEqualTo(EventParam.of("s", -3));
        assertThat(InboundMapper.param("b", (byte) 7)).isEqualTo(EventParam.of("b", 7));
    }

    @Test
    void longsAreIntsOnlyWhenTheyFit() {
        assertThat(InboundMapper.param("l", 5L)).isEqualTo(EventParam.of("l", 5));
        assertThat(InboundMapper.param("l", (long) Integer.MIN_VALUE)).isEqualTo(EventParam.of("l", Integer.MIN_VALUE));
        assertThat(InboundMapper.param("l", 2147483648L)).isEqualTo(EventParam.of("l", "2147483648"));
        assertThat(InboundMapper.param("l", Long.MIN_VALUE)).isEqualTo(EventParam.of("l", "-9223372036854775808"));
    }

    @Test
    void stringsNullsAndOtherValues() {
        assertThat(InboundMapper.param("s", "")).isEqualTo(EventParam.of("s", ""));
        assertThat(InboundMapper.param("s", "x y")).isEqualTo(EventParam.of("s", "x y"));
        assertThat(InboundMapper.param("n", null)).isEqualTo(EventParam.ofNull("n"));
        assertThat(InboundMapper.param("t", Boolean.TRUE)).isEqualTo(EventParam.of("t", "true"));
        assertThat(InboundMapper.param("d", 1.5d)).isEqualTo(EventParam.of("d", "1.5"));
        assertThat(InboundMapper.param("c", 'c')).isEqualTo(EventParam.of("c", "c"));
        assertThat(InboundMapper.param("a", new String[] {"a", "b"})).isEqualTo(EventParam.of("a", "[a, b]"));
        assertThat(InboundMapper.param("p", new int[] {1, 2})).isEqualTo(EventParam.of("p", "[1, 2]"));
    }

    @Test
    void paramsAreSortedByNameWithoutEventAdminAndBridgeKeys() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("zeta", 1);
        properties.put("alpha", "a");
        properties.put("Mid", 2L);
        properties.put("nothing", null);
        properties.put(InboundMapper.BRIDGED, Boolean.FALSE);
        var event = new org.osgi.service.event.Event("org/foo/Bar", properties);

        assertThat(InboundMapper.params(event)).containsExactly(EventParam.of("Mid", 2), EventParam.of("alpha", "a"),
                EventParam.ofNull("nothing"), EventParam.of("zeta", 1));
    }

    @Test
    void eventWithoutPropertiesHasNoParams() {
        assertThat(InboundMapper.params(new org.osgi.service.event.Event("a/b", Map.of()))).isEmpty();
    }

    @Test
    void topicGivesUpperCaseNameWithUnderscores() {
        assertThat(InboundMapper.eventName("org/foo/Bar")).isEqualTo("E_ORG_FOO_BAR");
        assertThat(InboundMapper.eventName("single")).isEqualTo("E_SINGLE");
        assertThat(InboundMapper.eventName("a-b/c_d")).isEqualTo("E_A-B_C_D");
    }

    @Test
    void longTopicIsCutTo64Bytes() {
        String topic = "org/example/" + "x".repeat(100);
        String name = InboundMapper.eventName(topic);
        assertThat(name).hasSize(Event.MAX_NAME_LENGTH).startsWith("E_ORG_EXAMPLE_XXX");
        assertThat(Event.checkName(name)).isEqualTo(name);
    }

    @Test
    void truncationNeverSplitsACharacter() {
        String s = "é".repeat(40);
        String cut = InboundMapper.truncate(s, 64);
        assertThat(cut).isEqualTo("é".repeat(32));
        assertThat(InboundMapper.truncate("a" + "☃".repeat(30), 64).getBytes(StandardCharsets.UTF_8)).hasSize(64);
        assertThat(InboundMapper.truncate("📞".repeat(20), 63)).isEqualTo("📞".repeat(15));
        assertThat(InboundMapper.truncate("short", 64)).isEqualTo("short");
    }
}
