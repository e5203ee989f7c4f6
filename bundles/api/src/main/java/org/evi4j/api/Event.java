package org.evi4j.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A raised event: a name and an ordered list of parameters. Immutable and thread-safe.
 *
 * <pre>
 * Event e = Event.builder("E_PIKE_BLOCKED").param("ip", "192.168.2.11").build();
 * </pre>
 */
public final class Event {

    /** The longest event name, in bytes (UTF-8), as in OpenSIPS. */
    public static final int MAX_NAME_LENGTH = 64;

    private final String name;
    private final List<EventParam> params;

    private Event(String name, List<EventParam> params) {
        this.name = checkName(name);
        this.params = params;
    }

    /** An event with the given parameters, in order. */
    public static Event of(String name, EventParam... params) {
        return new Event(name, List.of(params));
    }

    /** An event with the given parameters, in order (the list is copied). */
    public static Event of(String name, List<EventParam> params) {
        return new Event(name, List.copyOf(params));
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** The parameters in order; unmodifiable. */
    public List<EventParam> params() {
        return params;
    }

    /**
     * Checks an event name: 1 to {@value #MAX_NAME_LENGTH} bytes.
     *
     * @return the name
     * @throws IllegalArgumentException with a message fit for a user when the name is not valid
     */
    public static String checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("event name is empty");
        }
        if (name.length() > MAX_NAME_LENGTH
                || (name.length() * 3 > MAX_NAME_LENGTH
                        && name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_LENGTH)) {
            throw new IllegalArgumentException("event name longer than " + MAX_NAME_LENGTH + " bytes: " + name);
        }
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Event && name.equals(((Event) o).name) && params.equals(((Event) o).params);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, params);
    }

    @Override
    public String toString() {
        return name + params;
    }

    /** Builds an {@link Event}; not thread-safe. */
    public static final class Builder {
        private final String name;
        private final List<EventParam> params = new ArrayList<>();

        private Builder(String name) {
            this.name = checkName(name);
        }

        public Builder param(String paramName, String value) {
            params.add(EventParam.of(paramName, value));
            return this;
        }

        public Builder param(String paramName, int value) {
            params.add(EventParam.of(paramName, value));
            return this;
        }

        public Builder nullParam(String paramName) {
            params.add(EventParam.ofNull(paramName));
            return this;
        }

        public Builder param(EventParam param) {
            params.add(Objects.requireNonNull(param));
            return this;
        }

        public Builder params(EventParam... more) {
            params.addAll(Arrays.asList(more));
            return this;
        }

        public Event build() {
            return new Event(name, params.isEmpty() ? Collections.emptyList() : List.copyOf(params));
        }
    }
}
