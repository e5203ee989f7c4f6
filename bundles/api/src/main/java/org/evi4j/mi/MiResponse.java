package org.evi4j.mi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The successful result of an MI command, in both renderings: the JSON-RPC {@code result} value and the legacy text
 * tree (the nodes below {@code 200 OK}). When a command gives no legacy tree, one is derived from the JSON value:
 * each object member becomes {@code key:: value} (nested objects and arrays as children), each array element a
 * line of its own (numbers and booleans as their decimal or {@code true}/{@code false} text), and a string result
 * ({@code "OK"}) no line at all.
 */
public final class MiResponse {

    private static final MiResponse OK = new MiResponse(MiValue.of("OK"), List::of);

    private final MiValue result;
    private final Supplier<List<MiNode>> legacy;

    private MiResponse(MiValue result, Supplier<List<MiNode>> legacy) {
        this.result = Objects.requireNonNull(result);
        this.legacy = legacy;
    }

    /** {@code "OK"}; legacy {@code 200 OK} with no lines. */
    public static MiResponse ok() {
        return OK;
    }

    /** A result whose legacy rendering is derived from it. */
    public static MiResponse of(MiValue result) {
        return new MiResponse(result, () -> derive(result));
    }

    /** A result with its own legacy rendering, built only when a legacy client asks. */
    public static MiResponse of(MiValue result, Supplier<List<MiNode>> legacy) {
        return new MiResponse(result, Objects.requireNonNull(legacy));
    }

    /** The JSON-RPC result. */
    public MiValue result() {
        return result;
    }

    /** The legacy text nodes. */
    public List<MiNode> legacy() {
        return legacy.get();
    }

    private static List<MiNode> derive(MiValue value) {
        List<MiNode> nodes = new ArrayList<>();
        switch (value.kind()) {
            case OBJECT -> {
                for (Map.Entry<String, MiValue> member : value.members()) {
                    nodes.add(node(member.getKey(), member.getValue()));
                }
            }
            case ARRAY -> {
                for (MiValue element : value.elements()) {
                    nodes.add(node(null, element));
                }
            }
            default -> {
                // a bare scalar result ("OK") has no lines of its own
            }
        }
        return nodes;
    }

    private static MiNode node(String name, MiValue value) {
        return switch (value.kind()) {
            case OBJECT, ARRAY -> new MiNode(name, null, List.of(), derive(value));
            case STRING -> new MiNode(name, value.asString(), List.of(), List.of());
            case NULL -> new MiNode(name, null, List.of(), List.of());
            case BOOLEAN -> new MiNode(name, Boolean.toString(value.asBoolean()), List.of(), List.of());
            case NUMBER -> new MiNode(name, value.isIntegral() ? Long.toString(value.asLong())
                    : Double.toString(value.asDouble()), List.of(), List.of());
        };
    }
}
