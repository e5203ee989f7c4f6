package org.evi4j.testkit;

/** The interesting values {@link FuzzMutator} puts into its inputs. */
final class FuzzTokens {

    /** Single bytes: JSON and legacy punctuation, control bytes, bytes that are never valid UTF-8. */
    static final byte[] BYTES = {0, 1, '\n', '\r', '\t', ' ', '"', '\\', ':', ';', ',', '[', ']',
        '{', '}', '/', '0', '9', '-', '+', '.', 'e', 'u', 0x7f, (byte) 0x80, (byte) 0xbf, (byte) 0xc0, (byte) 0xc3,
        (byte) 0xed, (byte) 0xf0, (byte) 0xf8, (byte) 0xfe, (byte) 0xff};

    /** Tokens: number edge cases, bad escapes and surrogates, names, sockets, legacy syntax. */
    static final String[] TEXT = {"0", "-0", "1", "-1", "2147483647", "2147483648", "-2147483649",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "99999999999999999999999999999",
        "1e999999", "-1e999999", "1e-999999", "1.7976931348623157e309", "0.0000001", "1.5", "-1.9", "1E2", "NaN",
        "Infinity", "00", "01", "1.", ".5", "-", "true", "false", "null", "nul", "\"\"", "\"\\u0000\"", "\"\\ud800\"",
        "\"\\udc00\"", "\"\\ud83d\\udcde\"", "\"\\ud83d\"", "\"\\u12\"", "\"\\x\"", "\"\\\"", "\"a\\nb\"", "[]", "{}",
        "[null]", "{\"\":null}", "\"E_TEST_NAMED\"", "\"udp:127.0.0.1:1\"", "\"unix:/tmp/x\"", "\"/tmp/x\"",
        "\"udp:[::1]:1;encoder=legacy\"", "\"{\\\"a\\\":1}\"", "\"{\\\"a\\\":[[[[1]]]]}\"", "\"version\"", "\"which\"",
        "\"raise_event\"", "\"event_subscribe\"", "\"subscribers_list\"", "\"echo\"", "::", "name::value",
        "\"quoted \\\" value\"", "udp:", "unix:", ";encoder=", "[::", "]:", ":65536", ":0", ":-1", "%00", "%s%n"};

    /** Raw byte sequences: NUL, malformed, overlong, surrogate and out-of-range UTF-8, a BOM. */
    static final byte[][] RAW = {{0}, {(byte) 0xc3, 0x28}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
        {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xff},
        {(byte) 0xe2, (byte) 0x98}, {(byte) 0xf0, (byte) 0x9f, (byte) 0x93, (byte) 0x9e}, {(byte) 0xef, (byte) 0xbb,
        (byte) 0xbf}};

    private FuzzTokens() {
    }
}
