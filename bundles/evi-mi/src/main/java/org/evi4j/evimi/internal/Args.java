package org.evi4j.evimi.internal;

import org.evi4j.mi.MiException;
import org.evi4j.mi.MiParams;

/** Reads the string arguments of the EVI commands. */
final class Args {

    private Args() {
    }

    /**
     * A non-empty string argument.
     *
     * @throws MiException {@code Bad type for parameter 'name'}; legacy {@code 400 Too few or too many arguments}
     */
    static String required(MiParams params, String name) throws MiException {
        String value;
        try {
            value = params.string(name);
        } catch (MiException e) {
            throw EviErrors.badType(name);
        }
        if (value == null || value.isEmpty()) {
            throw EviErrors.badType(name);
        }
        return value;
    }
}
