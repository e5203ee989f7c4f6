package org.evi4j.mi.internal;

import java.util.List;
import java.util.Optional;

import org.evi4j.mi.MiException;
import org.evi4j.mi.MiParams;
import org.evi4j.mi.MiValue;

/** The parameters of one request, aligned with the recipe they matched; converted as OpenSIPS's getters do. */
final class Params implements MiParams {

    private final List<String> recipe;
    private final MiValue[] values;
    private final String source;

    /** @param values one per recipe name, in recipe order */
    Params(List<String> recipe, MiValue[] values) {
        this(recipe, values, null);
    }

    private Params(List<String> recipe, MiValue[] values, String source) {
        this.recipe = recipe;
        this.values = values;
        this.source = source;
    }

    /** The same parameters from that client ({@code null}: unknown). */
    Params from(String client) {
        return client == null ? this : new Params(recipe, values, client);
    }

    @Override
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    @Override
    public List<String> recipe() {
        return recipe;
    }

    @Override
    public boolean has(String name) {
        return value(name) != null;
    }

    @Override
    public MiValue value(String name) {
        int i = recipe.indexOf(name);
        return i < 0 ? null : values[i];
    }

    @Override
    public String string(String name) throws MiException {
        MiValue v = value(name);
        if (v != null && v.kind() == MiValue.Kind.STRING && !v.asString().isEmpty()) {
            return v.asString();
        }
        if (v != null && v.kind() == MiValue.Kind.NUMBER) {
            return Integer.toString(saturate(v));
        }
        throw MiException.badType(name);
    }

    @Override
    public int integer(String name) throws MiException {
        MiValue v = value(name);
        if (v != null && v.kind() == MiValue.Kind.NUMBER) {
            return saturate(v);
        }
        if (v != null && v.kind() == MiValue.Kind.STRING) {
            Integer n = parseInt(v.asString());
            if (n != null) {
                return n;
            }
        }
        throw MiException.badType(name);
    }

    /** A JSON number as cJSON's {@code valueint}: truncated toward zero, saturated to the int range. */
    static int saturate(MiValue number) {
        double d = number.isIntegral() ? number.asLong() : number.asDouble();
        if (d >= Integer.MAX_VALUE) {
            return Integer.MAX_VALUE;
        }
        if (d <= Integer.MIN_VALUE) {
            return Integer.MIN_VALUE;
        }
        return (int) d;
    }

    /** A decimal int with an optional sign, as {@code str2sint}; {@code null} when it is not one. */
    private static Integer parseInt(String s) {
        int start = !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        if (s.length() == start || s.length() > 11) {
            return null;
        }
        for (int i = start; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        long n = Long.parseLong(s);
        return n < Integer.MIN_VALUE || n > Integer.MAX_VALUE ? null : (int) n;
    }
}
