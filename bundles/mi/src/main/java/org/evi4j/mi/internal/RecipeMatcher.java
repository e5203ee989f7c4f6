package org.evi4j.mi.internal;

import java.util.List;
import java.util.Map;

import org.evi4j.mi.MiException;
import org.evi4j.mi.MiValue;

/**
 * Picks the recipe a request's parameters fit, as OpenSIPS's {@code get_cmd_recipe}: positional parameters by
 * count, named ones by count and exact (case-sensitive) names.
 */
final class RecipeMatcher {

    static final String COUNT = "Too few or too many parameters";
    static final String AMBIGUOUS = "Ambiguous call, use named parameters instead";
    static final String NAMES = "Named parameters do not match";

    private RecipeMatcher() {
    }

    /** Positional parameters (legacy arguments too, with {@code firstWins}: they cannot name a recipe). */
    static Params positional(List<List<String>> recipes, List<MiValue> args, boolean firstWins) throws MiException {
        List<String> match = null;
        for (List<String> recipe : recipes) {
            if (recipe.size() == args.size()) {
                if (match != null && !firstWins) {
                    throw MiException.invalidParams(AMBIGUOUS);
                }
                if (match == null) {
                    match = recipe;
                }
            }
        }
        if (match == null) {
            throw MiException.invalidParams(COUNT);
        }
        return new Params(match, args.toArray(new MiValue[0]));
    }

    /** Named parameters: the first member of a name counts, as cJSON's look-up. */
    static Params named(List<List<String>> recipes, List<Map.Entry<String, MiValue>> members) throws MiException {
        boolean countFits = false;
        for (List<String> recipe : recipes) {
            if (recipe.size() != members.size()) {
                continue;
            }
            countFits = true;
            MiValue[] values = new MiValue[recipe.size()];
            boolean all = true;
            for (int i = 0; i < values.length && all; i++) {
                values[i] = first(members, recipe.get(i));
                all = values[i] != null;
            }
            if (all) {
                return new Params(recipe, values);
            }
        }
        throw MiException.invalidParams(countFits ? NAMES : COUNT);
    }

    private static MiValue first(List<Map.Entry<String, MiValue>> members, String name) {
        for (Map.Entry<String, MiValue> member : members) {
            if (member.getKey().equals(name)) {
                return member.getValue();
            }
        }
        return null;
    }
}
