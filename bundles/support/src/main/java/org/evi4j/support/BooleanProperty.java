package org.evi4j.support;

import java.util.Locale;

/**
 * Reads a boolean configuration property the way both Java and an OpenSIPS configuration write it: {@code true} /
 * {@code false}, {@code 1} / {@code 0}, {@code yes} / {@code no}, {@code on} / {@code off} (any case, blanks
 * around ignored), so that {@code reliable_mode = 1} from an opensips.cfg translates line by line. Declare such a
 * property as a {@code String} in the typed configuration: DS would turn {@code "1"} into {@code false} for a
 * {@code boolean}.
 */
public final class BooleanProperty {

    private BooleanProperty() {
    }

    /**
     * @param name  the property name, for the error message
     * @param value the configured text; {@code null} or blank gives {@code fallback}
     * @throws IllegalArgumentException naming the property and the accepted values when the text is none of them
     */
    public static boolean parse(String name, String value, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on":
                return true;
            case "false", "0", "no", "off":
                return false;
            default:
                throw new IllegalArgumentException(name + " = '" + value
                        + "' is not a boolean: use true/false, 1/0 or yes/no");
        }
    }
}
