package org.evi4j.evimi.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.evi4j.api.EventParam;
import org.evi4j.cjson.mi.MiJson;
import org.evi4j.mi.MiException;
import org.evi4j.mi.MiValue;
import org.evi4j.support.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the {@code params} argument of {@code raise_event} into event parameters (SPEC 6.3 and 7):
 * <ul>
 * <li>absent, {@code []} or <code>{}</code>: no parameters;</li>
 * <li>an array: unnamed parameters; strings as they are, integers as their decimal text, null as null, anything
 * else (fractions too) as its compact JSON text, written as the MI writes JSON ({@code 1.5} is {@code 1.500000});</li>
 * <li>an object, or a string holding a JSON object: named parameters; numbers as ints (truncated, saturated to the
 * int range), strings as strings, null as null, anything else as its compact JSON text;</li>
 * <li>any other string or a number: 400 {@code Bad Params}; true, false or null: 400 {@code No Params}.</li>
 * </ul>
 */
final class RaiseParams {

    private static final Logger LOG = LoggerFactory.getLogger(RaiseParams.class);

    private final MiJson json;

    RaiseParams(MiJson json) {
        this.json = json;
    }

    List<EventParam> of(MiValue params) throws MiException {
        if (params == null) {
            return List.of();
        }
        return switch (params.kind()) {
            case ARRAY -> unnamed(params.elements());
            case OBJECT -> named(params.members());
            case STRING -> named(parseObject(params.asString()));
            // OpenSIPS reads a number as its text, which is no JSON object
            case NUMBER -> throw EviErrors.badParams();
            default -> throw EviErrors.noParams();
        };
    }

    private List<Map.Entry<String, MiValue>> parseObject(String text) throws MiException {
        MiValue value;
        try {
            value = json.parse(text);
        } catch (IOException e) {
            LOG.debug("raise_event params are not JSON: {}", LogText.escape(e.getMessage()));
            throw EviErrors.badParams();
        }
        if (value.kind() != MiValue.Kind.OBJECT) {
            LOG.debug("raise_event params are JSON but not an object: {}", value.kind());
            throw EviErrors.badParams();
        }
        return value.members();
    }

    private List<EventParam> unnamed(List<MiValue> elements) {
        List<EventParam> params = new ArrayList<>(elements.size());
        for (MiValue element : elements) {
            params.add(switch (element.kind()) {
                case STRING -> EventParam.of(null, element.asString());
                case NUMBER -> EventParam.of(null, element.isIntegral()
                        ? Long.toString(element.asLong()) : json.text(element));
                case NULL -> EventParam.ofNull(null);
                default -> EventParam.of(null, json.text(element));
            });
        }
        return params;
    }

    private List<EventParam> named(List<Map.Entry<String, MiValue>> members) {
        List<EventParam> params = new ArrayList<>(members.size());
        for (Map.Entry<String, MiValue> member : members) {
            String name = member.getKey();
            MiValue value = member.getValue();
            params.add(switch (value.kind()) {
                case NUMBER -> EventParam.of(name, saturate(value.asLong()));
                case STRING -> EventParam.of(name, value.asString());
                case NULL -> EventParam.ofNull(name);
                default -> EventParam.of(name, json.text(value));
            });
        }
        return params;
    }

    private static int saturate(long value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }
}
