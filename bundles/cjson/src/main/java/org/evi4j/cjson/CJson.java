package org.evi4j.cjson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

/**
 * Jackson set up to write the bytes OpenSIPS's cJSON writes: compact, {@code "}, {@code \}, {@code \b \f \n \r \t}
 * escaped, other control characters (NUL too) as lowercase hex escapes,
 * everything else (0x7F, {@code /},
 * UTF-8 sequences, characters outside the BMP) raw. Write to a UTF-8 {@code OutputStream} to get these bytes.
 */
public final class CJson {

    private CJson() {
    }

    /** A new factory writing cJSON's bytes; factories are thread-safe, share one per component. */
    public static JsonFactory factory() {
        JsonFactory factory = JsonFactory.builder()
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .disable(JsonWriteFeature.ESCAPE_NON_ASCII)
                .build();
        factory.setCharacterEscapes(new Escapes());
        return factory;
    }

    /** cJSON's escapes: lowercase hex for the control characters without a short form; nothing else. */
    static final class Escapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private static final SerializedString[] CONTROL = new SerializedString[0x20];

        static {
            for (int c = 0; c < CONTROL.length; c++) {
                CONTROL[c] = new SerializedString(String.format("\\u%04x", c));
            }
        }

        private final int[] table;

        Escapes() {
            table = standardAsciiEscapesForJSON();
            for (int c = 0; c < 0x20; c++) {
                if (c != '\b' && c != '\f' && c != '\n' && c != '\r' && c != '\t') {
                    table[c] = ESCAPE_CUSTOM;
                }
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // null for everything past the control range: returning a value there would escape all non-ASCII
            return ch < CONTROL.length ? CONTROL[ch] : null;
        }
    }
}
