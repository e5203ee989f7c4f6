package org.evi4j.evimi.internal;

import static org.evi4j.evimi.internal.TestJson.json;

import org.evi4j.api.Event;
import org.evi4j.api.EventParam;
import org.evi4j.mi.MiValue;

/** The two encoders of SPEC sections 2 and 3, small, to compare the vectors' deliveries. */
final class TestEncoders {

    private TestEncoders() {
    }

    static String encode(String encoder, Event event) {
        return "legacy".equals(encoder) ? legacy(event) : jsonrpc(event);
    }

    static String jsonrpc(Event event) {
        MiValue.ObjectBuilder out = MiValue.object().put("jsonrpc", "2.0").put("method", event.name());
        if (!event.params().isEmpty()) {
            boolean named = event.params().get(0).isNamed();
            MiValue.ObjectBuilder object = MiValue.object();
            MiValue.ArrayBuilder array = MiValue.arrayBuilder();
            for (EventParam p : event.params()) {
                if (named) {
                    object.put(p.isNamed() ? p.name() : "", value(p));
                } else {
                    array.add(value(p));
                }
            }
            out.put("params", named ? object.build() : array.build());
        }
        return json(out.build());
    }

    private static MiValue value(EventParam p) {
        return switch (p.type()) {
            case INT -> MiValue.of(p.intValue());
            case STRING -> MiValue.of(p.stringValue());
            case NULL -> MiValue.NULL;
        };
    }

    static String legacy(Event event) {
        StringBuilder out = new StringBuilder(event.name()).append('\n');
        for (EventParam p : event.params()) {
            if (p.isNamed()) {
                out.append(p.name()).append("::");
            }
            if (p.type() == EventParam.Type.INT) {
                out.append(p.intValue());
            } else if (p.type() == EventParam.Type.STRING) {
                String s = p.stringValue();
                out.append(s.indexOf('\n') < 0 ? s : '"' + s.replace("\"", "\\\"") + '"');
            }
            out.append('\n');
        }
        return out.append('\n').toString();
    }
}
