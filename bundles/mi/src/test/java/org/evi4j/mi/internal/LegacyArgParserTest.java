package org.evi4j.mi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.evi4j.mi.MiValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The argument round trips and parse errors of OPENSIPS-REFERENCE 4.2. */
class LegacyArgParserTest {

    private static List<String> parse(String args) {
        byte[] bytes = ("xx" + args).getBytes(StandardCharsets.UTF_8);
        List<MiValue> values = LegacyArgParser.parse(bytes, 2, bytes.length);
        return values == null ? null : values.stream().map(MiValue::asString).toList();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "plain value|plain value",
        "'  spaced value  '|spaced value",
        "\"quoted value\"|quoted value",
        "\"with \\\"escaped\\\" quotes\"|with \"escaped\" quotes",
        "\"a::b\"|a::b",
        "a::b|b",
        "\"back\\\\slash\"|back\\\\slash",
        "tab\there|tab\there",
        "'\" \"'|' '",
        "'name::  value  '|value",
        "'name:: \"quoted\"  '|quoted",
        "'value\r'|value",
    })
    void storesWhatOpenSipsStores(String line, String stored) {
        assertThat(parse(line + "\n")).containsExactly(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"\\\"lead\"", "\"x\" trailing", "un\"quoted", "\"unterminated",
        "na\"me::value", "name::va\"lue", "\"", "name::\"\""})
    void parseErrors(String line) {
        assertThat(parse(line + "\n")).isNull();
        assertThat(parse(line)).isNull();
    }

    @Test
    void multiLineQuotedValueKeepsRawLineFeeds() {
        assertThat(parse("\"multi\nline\nvalue\"\nnext\n")).containsExactly("multi\nline\nvalue", "next");
    }

    @Test
    void blankLinesAreSkippedAndTheLastLineNeedsNoLineFeed() {
        assertThat(parse("  E_TEST_NOPARAM  \n\n\nudp:127.0.0.1:1\n60")).containsExactly("E_TEST_NOPARAM",
                "udp:127.0.0.1:1", "60");
    }

    @Test
    void namesAreDroppedAndAnEmptyValueAfterNameIsAnArgument() {
        assertThat(parse("name::E\nsock:: udp:1.2.3.4:5\nempty::\n")).containsExactly("E", "udp:1.2.3.4:5", "");
    }

    @Test
    void nothingButWhiteSpaceIsNoArgument() {
        assertThat(parse("")).isEmpty();
        assertThat(parse(" \n\t\r\n")).isEmpty();
    }

    @Test
    void otherEscapesAreKept() {
        assertThat(parse("\"a\\nb\"")).containsExactly("a\\nb");
    }

    @Test
    void utf8ValuesDecode() {
        assertThat(parse("é☃\n")).containsExactly("é☃");
    }
}
