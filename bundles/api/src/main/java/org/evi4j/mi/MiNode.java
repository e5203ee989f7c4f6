package org.evi4j.mi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A node of a legacy text MI reply (OpenSIPS 1.x-2.4): written as {@code [indent][name:: ][value]( attr=value)*}
 * on one line, then its children one level deeper. Immutable.
 *
 * @param name       the name, or {@code null}
 * @param value      the value, or {@code null}
 * @param attributes name/value pairs written after the value, in order
 * @param children   nodes written below this one
 */
public record MiNode(String name, String value, List<Map.Entry<String, String>> attributes, List<MiNode> children) {

    public MiNode {
        attributes = List.copyOf(attributes);
        children = List.copyOf(children);
    }

    /** {@code name:: value}. */
    public static MiNode of(String name, String value) {
        return new MiNode(name, value, List.of(), List.of());
    }

    /** A line holding only a value. */
    public static MiNode value(String value) {
        return new MiNode(null, value, List.of(), List.of());
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds a node; not thread-safe. */
    public static final class Builder {
        private final String name;
        private String value;
        private final List<Map.Entry<String, String>> attributes = new ArrayList<>();
        private final List<MiNode> children = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder value(String v) {
            this.value = v;
            return this;
        }

        public Builder attribute(String attributeName, String attributeValue) {
            attributes.add(Map.entry(attributeName, attributeValue));
            return this;
        }

        public Builder child(MiNode child) {
            children.add(child);
            return this;
        }

        public MiNode build() {
            return new MiNode(name, value, Collections.unmodifiableList(attributes), children);
        }
    }
}
