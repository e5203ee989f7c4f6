package org.evi4j.mi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON value as MI requests carry it and MI results are written: null, boolean, number, string, array, or
 * object (members in insertion order; duplicate keys kept). Immutable. It has no JSON text of its own: the MI
 * dispatcher reads and writes JSON (since 2.0; {@code toJson()} is gone).
 */
public final class MiValue {

    /** The kind of a value. */
    public enum Kind {
        NULL, BOOLEAN, NUMBER, STRING, ARRAY, OBJECT
    }

    public static final MiValue NULL = new MiValue(Kind.NULL, null, 0, 0, true);
    public static final MiValue TRUE = new MiValue(Kind.BOOLEAN, null, 1, 1, true);
    public static final MiValue FALSE = new MiValue(Kind.BOOLEAN, null, 0, 0, true);

    private final Kind kind;
    private final Object content;
    private final long longValue;
    private final double doubleValue;
    private final boolean integral;

    private MiValue(Kind kind, Object content, long longValue, double doubleValue, boolean integral) {
        this.kind = kind;
        this.content = content;
        this.longValue = longValue;
        this.doubleValue = doubleValue;
        this.integral = integral;
    }

    public static MiValue of(String s) {
        return new MiValue(Kind.STRING, Objects.requireNonNull(s), 0, 0, false);
    }

    public static MiValue of(long n) {
        return new MiValue(Kind.NUMBER, null, n, n, true);
    }

    /** A number; integral values in the long range are kept exact. */
    public static MiValue of(double d) {
        boolean whole = d == Math.rint(d) && Math.abs(d) < 9.2e18;
        return new MiValue(Kind.NUMBER, null, whole ? (long) d : (long) d, d, whole);
    }

    public static MiValue of(boolean b) {
        return b ? TRUE : FALSE;
    }

    public static MiValue array(List<MiValue> elements) {
        return new MiValue(Kind.ARRAY, List.copyOf(elements), 0, 0, false);
    }

    /** An array of strings, as {@code which} returns. */
    public static MiValue strings(List<String> elements) {
        List<MiValue> values = new ArrayList<>(elements.size());
        for (String e : elements) {
            values.add(of(e));
        }
        return new MiValue(Kind.ARRAY, Collections.unmodifiableList(values), 0, 0, false);
    }

    public static ObjectBuilder object() {
        return new ObjectBuilder();
    }

    public static ArrayBuilder arrayBuilder() {
        return new ArrayBuilder();
    }

    public Kind kind() {
        return kind;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    /** The text of a string; {@code null} for other kinds. */
    public String asString() {
        return kind == Kind.STRING ? (String) content : null;
    }

    /** A number's value, truncated toward zero; a boolean's 0 or 1. */
    public long asLong() {
        return longValue;
    }

    public double asDouble() {
        return doubleValue;
    }

    /** Whether a number has no fractional part (and fits a long). */
    public boolean isIntegral() {
        return integral;
    }

    public boolean asBoolean() {
        return kind == Kind.BOOLEAN && longValue != 0;
    }

    /** An array's elements; empty for other kinds. */
    @SuppressWarnings("unchecked")
    public List<MiValue> elements() {
        return kind == Kind.ARRAY ? (List<MiValue>) content : List.of();
    }

    /** An object's members in order; empty for other kinds. */
    @SuppressWarnings("unchecked")
    public List<Map.Entry<String, MiValue>> members() {
        return kind == Kind.OBJECT ? (List<Map.Entry<String, MiValue>>) content : List.of();
    }

    /** The first member of an object with that key, or {@code null}. */
    public MiValue get(String key) {
        for (Map.Entry<String, MiValue> member : members()) {
            if (member.getKey().equals(key)) {
                return member.getValue();
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MiValue)) {
            return false;
        }
        MiValue other = (MiValue) o;
        return kind == other.kind && longValue == other.longValue
                && Double.compare(doubleValue, other.doubleValue) == 0 && Objects.equals(content, other.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, content, longValue);
    }

    /** A description for logs and test failures; not JSON (the MI bundles write JSON with Jackson). */
    @Override
    public String toString() {
        return switch (kind) {
            case NULL -> "null";
            case BOOLEAN -> Boolean.toString(asBoolean());
            case NUMBER -> integral ? Long.toString(longValue) : Double.toString(doubleValue);
            case STRING, ARRAY, OBJECT -> kind + " " + content;
        };
    }

    /** Builds an object value; not thread-safe. */
    public static final class ObjectBuilder {
        private final List<Map.Entry<String, MiValue>> members = new ArrayList<>();

        private ObjectBuilder() {
        }

        public ObjectBuilder put(String key, MiValue value) {
            members.add(Map.entry(key, value));
            return this;
        }

        public ObjectBuilder put(String key, String value) {
            return put(key, of(value));
        }

        public ObjectBuilder put(String key, long value) {
            return put(key, of(value));
        }

        public MiValue build() {
            return new MiValue(Kind.OBJECT, Collections.unmodifiableList(new ArrayList<>(members)), 0, 0, false);
        }
    }

    /** Builds an array value; not thread-safe. */
    public static final class ArrayBuilder {
        private final List<MiValue> elements = new ArrayList<>();

        private ArrayBuilder() {
        }

        public ArrayBuilder add(MiValue value) {
            elements.add(value);
            return this;
        }

        public ArrayBuilder add(String value) {
            return add(of(value));
        }

        public MiValue build() {
            return new MiValue(Kind.ARRAY, Collections.unmodifiableList(new ArrayList<>(elements)), 0, 0, false);
        }
    }
}
