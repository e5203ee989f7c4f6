package org.evi4j.evimi.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.evi4j.mi.MiException;
import org.evi4j.mi.MiParams;
import org.evi4j.mi.MiValue;

/** MiParams over a name to value map, converting as the MiParams javadoc says. */
final class TestParams implements MiParams {

    private final List<String> recipe;
    private final Map<String, MiValue> values;
    private String source;

    TestParams(List<String> recipe, Map<String, MiValue> values) {
        this.recipe = List.copyOf(recipe);
        this.values = values;
    }

    /** The same parameters, as sent by that MI client. */
    TestParams from(String client) {
        source = client;
        return this;
    }

    @Override
    public java.util.Optional<String> source() {
        return java.util.Optional.ofNullable(source);
    }

    /** Positional values mapped onto the recipe's names. */
    static TestParams positional(List<String> recipe, List<MiValue> args) {
        Map<String, MiValue> values = new LinkedHashMap<>();
        for (int i = 0; i < recipe.size(); i++) {
            values.put(recipe.get(i), args.get(i));
        }
        return new TestParams(recipe, values);
    }

    /** Positional values, strings given as Java strings, numbers as Integer/Long, others as MiValue. */
    static TestParams of(List<String> recipe, Object... args) {
        List<MiValue> values = new ArrayList<>();
        for (Object arg : args) {
            values.add(arg instanceof MiValue v ? v
                    : arg instanceof Number n ? MiValue.of(n.longValue()) : MiValue.of((String) arg));
        }
        return positional(recipe, values);
    }

    @Override
    public List<String> recipe() {
        return recipe;
    }

    @Override
    public boolean has(String name) {
        return values.containsKey(name);
    }

    @Override
    public MiValue value(String name) {
        return values.get(name);
    }

    @Override
    public String string(String name) throws MiException {
        MiValue v = values.get(name);
        if (v != null && v.kind() == MiValue.Kind.STRING && !v.asString().isEmpty()) {
            return v.asString();
        }
        if (v != null && v.kind() == MiValue.Kind.NUMBER) {
            return Long.toString(v.asLong());
        }
        throw MiException.badType(name);
    }

    @Override
    public int integer(String name) throws MiException {
        MiValue v = values.get(name);
        if (v != null && v.kind() == MiValue.Kind.NUMBER) {
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v.asLong()));
        }
        if (v != null && v.kind() == MiValue.Kind.STRING && v.asString().matches("[+-]?[0-9]{1,10}")) {
            long parsed = Long.parseLong(v.asString());
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, parsed));
        }
        throw MiException.badType(name);
    }
}
