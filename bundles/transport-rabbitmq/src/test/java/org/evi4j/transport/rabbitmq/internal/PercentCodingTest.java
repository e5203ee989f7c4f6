package org.evi4j.transport.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentCodingTest {

    @Test
    void decodesEscapesAsUtf8() {
        assertThat(PercentCoding.decode("plain")).isEqualTo("plain");
        assertThat(PercentCoding.decode("a%40b%2fc")).isEqualTo("a@b/c");
        assertThat(PercentCoding.decode("caf%C3%A9 ☃")).isEqualTo("café ☃");
        assertThat(PercentCoding.decode("%25%2525")).isEqualTo("%%25");
    }

    @Test
    void refusesMalformedEscapesAndBytesThatAreNotUtf8() {
        assertThat(PercentCoding.decode("%")).isNull();
        assertThat(PercentCoding.decode("a%4")).isNull();
        assertThat(PercentCoding.decode("%g0")).isNull();
        assertThat(PercentCoding.decode("%C3")).isNull();
        assertThat(PercentCoding.decode("%ff")).isNull();
        assertThat(PercentCoding.decode("a\ud800b")).isNull();
        assertThat(PercentCoding.decode("\udc00")).isNull();
        assertThat(PercentCoding.decode("\ud83d\udcde")).isEqualTo("\ud83d\udcde");
    }

    @Test
    void encodesReservedCharactersSpacesAndControlsOnly() {
        assertThat(PercentCoding.encode("a:b@c/d%e", PercentCoding.USER_INFO)).isEqualTo("a%3Ab%40c%2Fd%25e");
        assertThat(PercentCoding.encode("a b\u0000\u007f", PercentCoding.ROUTING_KEY)).isEqualTo("a%20b%00%7F");
        assertThat(PercentCoding.encode("x;y?z/é", PercentCoding.EXCHANGE)).isEqualTo("x%3By%3Fz/é");
        assertThat(PercentCoding.encode("a.b/c:d@e", PercentCoding.ROUTING_KEY)).isEqualTo("a.b/c:d@e");
    }

    @Test
    void encodingThenDecodingGivesTheTextBack() {
        String text = "p@ss:w/rd %41 ;?\tcafé";
        assertThat(PercentCoding.decode(PercentCoding.encode(text, PercentCoding.USER_INFO))).isEqualTo(text);
        assertThat(PercentCoding.decode(PercentCoding.encode(text, PercentCoding.EXCHANGE))).isEqualTo(text);
        assertThat(PercentCoding.decode(PercentCoding.encode(text, PercentCoding.ROUTING_KEY))).isEqualTo(text);
    }
}
