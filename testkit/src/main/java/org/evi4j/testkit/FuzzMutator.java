package org.evi4j.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A deterministic fuzzer: case {@code i} of seed {@code s} is always the same bytes, whatever ran before it, so a
 * failure reported as "seed s, iteration i" is replayed with {@code new FuzzMutator(s, seeds).datagram(i)} (or
 * {@link #string(long)}). Most
 * cases are one to four stacked mutations of a seed input (bit flips, byte insert/delete/duplicate, truncation,
 * splicing two inputs, a token replaced by an interesting value, padding past the datagram limit); the rest are
 * purely random bytes. Thread-safe (stateless apart from its seeds).
 */
public final class FuzzMutator {

    /** The largest datagram evi4j accepts; mutations go just past it too. */
    public static final int MAX_DATAGRAM = 65457;

    private final long seed;
    private final List<byte[]> seeds;

    /**
     * @param seed  the fixed seed; print it with every failure
     * @param seeds the inputs to mutate (not empty)
     */
    public FuzzMutator(long seed, List<byte[]> seeds) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no seed inputs");
        }
        this.seed = seed;
        this.seeds = List.copyOf(seeds);
    }

    /** A mutator over strings, as UTF-8. */
    public static FuzzMutator ofStrings(long seed, List<String> seeds) {
        List<byte[]> bytes = new ArrayList<>(seeds.size());
        for (String s : seeds) {
            bytes.add(s.getBytes(StandardCharsets.UTF_8));
        }
        return new FuzzMutator(seed, bytes);
    }

    /**
     * The {@code request} of every case of an MI vector file ({@code mi-jsonrpc.json}, {@code mi-legacy.json}),
     * the {@code {udp}} and {@code {unix}} placeholders replaced by real-looking sockets.
     */
    public static List<byte[]> miRequests(String vectorFile) {
        List<byte[]> out = new ArrayList<>();
        for (JsonNode c : Vectors.load(vectorFile).get("cases")) {
            String request = c.get("request").asText().replace("{udp}", "udp:127.0.0.1:9")
                    .replace("{unix}", "unix:/tmp/fuzz.sock");
            out.add(request.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The {@code socket} of every valid and invalid case of {@code sockets.json}. */
    public static List<String> socketStrings() {
        List<String> out = new ArrayList<>();
        JsonNode all = Vectors.load("sockets.json");
        for (String group : new String[] {"valid", "invalid"}) {
            for (JsonNode c : all.get(group)) {
                out.add(c.get("socket").asText());
            }
        }
        return out;
    }

    /** The address part (after {@code scheme:}) of every vector socket string of that scheme: fuzz seeds. */
    public static List<String> addressesOf(String scheme) {
        List<String> out = new ArrayList<>();
        String prefix = scheme + ":";
        for (String socket : socketStrings()) {
            if (socket.startsWith(prefix)) {
                out.add(socket.substring(prefix.length()));
            }
        }
        return out;
    }

    /**
     * Fails unless host names resolve from the test hosts file only ({@code -Djdk.net.hosts.file=.../fuzz-hosts},
     * which maps {@code fuzzhost} to 127.0.0.1): fuzzed names must never reach DNS.
     */
    public static void requireTestHostsFile() throws java.net.UnknownHostException {
        String file = System.getProperty("jdk.net.hosts.file");
        if (file == null || !file.endsWith("fuzz-hosts")) {
            throw new IllegalStateException("run by the fuzz-no-dns surefire execution (jdk.net.hosts.file=" + file + ")");
        }
        String fuzzhost = java.net.InetAddress.getByName("fuzzhost").getHostAddress();
        if (!fuzzhost.equals("127.0.0.1")) {
            throw new IllegalStateException("fuzzhost resolves to " + fuzzhost + ", not 127.0.0.1");
        }
    }

    public long seed() {
        return seed;
    }

    /** Where a case came from, for failure messages. */
    public String describe(long iteration) {
        return "seed " + seed + ", iteration " + iteration + " (replay: new FuzzMutator(" + seed
                + "L, sameSeeds).datagram(" + iteration + "L), or .string(" + iteration + "L) for text)";
    }

    /** Case {@code iteration}: the same bytes every time. */
    public byte[] datagram(long iteration) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + iteration);
        if (r.nextInt(16) == 0) {
            return random(r);
        }
        byte[] data = seeds.get(r.nextInt(seeds.size()));
        int rounds = 1 + r.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            data = mutate(r, data);
        }
        return data;
    }

    /** Case {@code iteration} as text: the bytes decoded as UTF-8 (bad sequences become U+FFFD). */
    public String string(long iteration) {
        String s = new String(datagram(iteration), StandardCharsets.UTF_8);
        // a lone surrogate cannot come out of UTF-8 decoding, so put some in as Java callers could
        SplittableRandom r = new SplittableRandom(seed + iteration * 31);
        if (!s.isEmpty() && r.nextInt(32) == 0) {
            int at = r.nextInt(s.length());
            return s.substring(0, at) + (r.nextBoolean() ? '\ud800' : '\udc00') + s.substring(at);
        }
        return s;
    }

    private byte[] mutate(SplittableRandom r, byte[] in) {
        switch (r.nextInt(12)) {
            case 0:
                return flipBit(r, in);
            case 1:
                return insert(r, in, new byte[] {pickByte(r)});
            case 2:
                return delete(r, in);
            case 3:
                return duplicate(r, in);
            case 4:
                return in.length == 0 ? in : Arrays.copyOf(in, r.nextInt(in.length));
            case 5:
                return splice(r, in, seeds.get(r.nextInt(seeds.size())));
            case 6:
            case 7:
            case 8:
                return replaceToken(r, in, token(r));
            case 9:
                return replaceToken(r, in, FuzzTokens.RAW[r.nextInt(FuzzTokens.RAW.length)]);
            case 10:
                return insert(r, in, nesting(r));
            default:
                return r.nextInt(8) == 0 ? pad(r, in) : overwrite(r, in);
        }
    }

    private static byte[] random(SplittableRandom r) {
        int length = r.nextInt(64) == 0 ? MAX_DATAGRAM - 8 + r.nextInt(16) : r.nextInt(300);
        byte[] out = new byte[length];
        boolean ascii = r.nextBoolean();
        for (int i = 0; i < length; i++) {
            out[i] = ascii ? (byte) (0x20 + r.nextInt(0x5f)) : (byte) r.nextInt(256);
        }
        if (length > 0 && r.nextInt(4) == 0) {
            out[0] = ':';
        }
        return out;
    }

    private static byte pickByte(SplittableRandom r) {
        return r.nextBoolean() ? FuzzTokens.BYTES[r.nextInt(FuzzTokens.BYTES.length)] : (byte) r.nextInt(256);
    }

    private static byte[] flipBit(SplittableRandom r, byte[] in) {
        if (in.length == 0) {
            return in;
        }
        byte[] out = in.clone();
        int at = r.nextInt(out.length);
        out[at] ^= (byte) (1 << r.nextInt(8));
        return out;
    }

    private static byte[] overwrite(SplittableRandom r, byte[] in) {
        if (in.length == 0) {
            return in;
        }
        byte[] out = in.clone();
        out[r.nextInt(out.length)] = pickByte(r);
        return out;
    }

    private static byte[] insert(SplittableRandom r, byte[] in, byte[] what) {
        int at = r.nextInt(in.length + 1);
        byte[] out = new byte[in.length + what.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(in, at, out, at + what.length, in.length - at);
        return out;
    }

    private static byte[] delete(SplittableRandom r, byte[] in) {
        if (in.length == 0) {
            return in;
        }
        int at = r.nextInt(in.length);
        int n = 1 + r.nextInt(Math.min(8, in.length - at));
        byte[] out = new byte[in.length - n];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(in, at + n, out, at, in.length - at - n);
        return out;
    }

    private static byte[] duplicate(SplittableRandom r, byte[] in) {
        if (in.length == 0) {
            return in;
        }
        int at = r.nextInt(in.length);
        int n = 1 + r.nextInt(Math.min(32, in.length - at));
        return insert(r, in, Arrays.copyOfRange(in, at, at + n));
    }

    private static byte[] splice(SplittableRandom r, byte[] a, byte[] b) {
        int cutA = r.nextInt(a.length + 1);
        int cutB = r.nextInt(b.length + 1);
        byte[] out = Arrays.copyOf(a, cutA + b.length - cutB);
        System.arraycopy(b, cutB, out, cutA, b.length - cutB);
        return out;
    }

    /** Replaces a run of word characters, a quoted string, or nothing at a random place, by {@code value}. */
    private static byte[] replaceToken(SplittableRandom r, byte[] in, byte[] value) {
        int from = r.nextInt(in.length + 1);
        int to = from;
        if (from < in.length && in[from] == '"') {
            to = from + 1;
            while (to < in.length && in[to] != '"') {
                to++;
            }
            to = Math.min(in.length, to + 1);
        } else {
            while (to < in.length && isWord(in[to])) {
                to++;
            }
        }
        byte[] out = new byte[in.length - (to - from) + value.length];
        System.arraycopy(in, 0, out, 0, from);
        System.arraycopy(value, 0, out, from, value.length);
        System.arraycopy(in, to, out, from + value.length, in.length - to);
        return out;
    }

    private static boolean isWord(byte b) {
        return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_' || b == '.'
                || b == '-' || b == '+';
    }

    private static byte[] token(SplittableRandom r) {
        switch (r.nextInt(10)) {
            case 0:
                return longString(r);
            case 1:
                return repeat(r.nextBoolean() ? "\\u0000" : "\\ud800", 1 + r.nextInt(64));
            default:
                return FuzzTokens.TEXT[r.nextInt(FuzzTokens.TEXT.length)].getBytes(StandardCharsets.UTF_8);
        }
    }

    private static byte[] longString(SplittableRandom r) {
        int n = r.nextInt(32) == 0 ? MAX_DATAGRAM + r.nextInt(64) : 1 + r.nextInt(4000);
        byte[] out = new byte[n + 2];
        Arrays.fill(out, (byte) 'x');
        out[0] = '"';
        out[n + 1] = '"';
        return out;
    }

    /** {@code [[[[...} or <code>{"a":{"a":...</code>, balanced or not; now and then deeper than any parser allows. */
    private static byte[] nesting(SplittableRandom r) {
        int depth = r.nextInt(64) == 0 ? 20_000 : 1 + r.nextInt(r.nextBoolean() ? 50 : 3000);
        byte[] open = r.nextBoolean() ? new byte[] {'['} : new byte[] {'{', '"', 'a', '"', ':'};
        byte close = open.length == 1 ? (byte) ']' : (byte) '}';
        boolean balanced = r.nextBoolean();
        byte[] out = new byte[depth * open.length + (balanced ? depth + 1 : 0)];
        for (int i = 0; i < depth; i++) {
            System.arraycopy(open, 0, out, i * open.length, open.length);
        }
        if (balanced) {
            out[depth * open.length] = '1';
            Arrays.fill(out, depth * open.length + 1, out.length, close);
        }
        return out;
    }

    private static byte[] pad(SplittableRandom r, byte[] in) {
        int target = MAX_DATAGRAM - 4 + r.nextInt(200);
        if (in.length >= target) {
            return in;
        }
        byte filler = r.nextBoolean() ? (byte) ' ' : (byte) 'x';
        byte[] out = Arrays.copyOf(in, target);
        Arrays.fill(out, in.length, target, filler);
        return out;
    }

    private static byte[] repeat(String unit, int n) {
        StringBuilder s = new StringBuilder(unit.length() * n + 2).append('"');
        for (int i = 0; i < n; i++) {
            s.append(unit);
        }
        return s.append('"').toString().getBytes(StandardCharsets.UTF_8);
    }
}
