package org.evi4j.api;

import java.util.Objects;

/**
 * One parameter of an {@link Event}: an optional name and a value that is a 32-bit signed int, a string, or null.
 * Immutable.
 */
public final class EventParam {

    /** The kind of value a parameter holds. */
    public enum Type {
        INT, STRING, NULL
    }

    private final String name;
    private final Type type;
    private final int intValue;
    private final String stringValue;

    private EventParam(String name, Type type, int intValue, String stringValue) {
        this.name = name;
        this.type = type;
        this.intValue = intValue;
        this.stringValue = stringValue;
    }

    /** A string parameter; a {@code null} value gives a null parameter. {@code name} may be null (unnamed). */
    public static EventParam of(String name, String value) {
        return value == null ? ofNull(name) : new EventParam(name, Type.STRING, 0, value);
    }

    /** An int parameter. {@code name} may be null (unnamed). */
    public static EventParam of(String name, int value) {
        return new EventParam(name, Type.INT, value, null);
    }

    /** A parameter whose value is null. {@code name} may be null (unnamed). */
    public static EventParam ofNull(String name) {
        return new EventParam(name, Type.NULL, 0, null);
    }

    /** The name, or {@code null} for an unnamed parameter. */
    public String name() {
        return name;
    }

    public boolean isNamed() {
        return name != null;
    }

    public Type type() {
        return type;
    }

    /** The value of an {@link Type#INT} parameter; 0 for the other types. */
    public int intValue() {
        return intValue;
    }

    /** The value of a {@link Type#STRING} parameter; {@code null} for the other types. */
    public String stringValue() {
        return stringValue;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof EventParam)) {
            return false;
        }
        EventParam other = (EventParam) o;
        return type == other.type && intValue == other.intValue && Objects.equals(name, other.name)
                && Objects.equals(stringValue, other.stringValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, intValue, stringValue);
    }

    @Override
    public String toString() {
        String value = switch (type) {
            case INT -> Integer.toString(intValue);
            case STRING -> '"' + stringValue + '"';
            case NULL -> "null";
        };
        return name == null ? value : name + '=' + value;
    }
}
