package org.evi4j.cjson.mi;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.evi4j.cjson.CJson;
import org.evi4j.mi.MiValue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The one way between {@link MiValue} and JSON: values read from a Jackson parser (integers that fit a long stay
 * exact, other numbers are doubles), values written to a Jackson generator with cJSON's number format, and the
 * same for whole texts. The streaming methods are what the MI dispatcher uses on its hot path; an instance adds a
 * factory for texts (one per component; thread-safe).
 */
public final class MiJson {

    private final JsonFactory factory;

    /** Texts read without a table of member names (a hostile text cannot grow one) and written as cJSON does. */
    public MiJson() {
        this.factory = CJson.factory().rebuild().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build();
    }

    /**
     * Parses a text holding exactly one JSON value, optionally surrounded by whitespace.
     *
     * @throws IOException when it is not one (Jackson's message says where), nesting past Jackson's bound included
     */
    public MiValue parse(String text) throws IOException {
        try (JsonParser p = factory.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new JsonParseException(p, "no JSON value");
            }
            MiValue value = read(p, t);
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "trailing characters after the JSON value");
            }
            return value;
        }
    }

    /** The compact JSON text of a value, as cJSON prints it. */
    public String text(MiValue value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = factory.createGenerator(out)) {
            write(g, value);
        } catch (IOException e) {
            // a StringWriter does not fail; only a value nested past Jackson's bound does
            throw new IllegalArgumentException("cannot write " + value.kind() + " value as JSON", e);
        }
        return out.toString();
    }

    /** The value at the current token {@code t}, and its children. */
    public static MiValue read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case VALUE_STRING:
                return MiValue.of(p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return number(p, t);
            case VALUE_TRUE:
                return MiValue.TRUE;
            case VALUE_FALSE:
                return MiValue.FALSE;
            case START_ARRAY:
                MiValue.ArrayBuilder array = MiValue.arrayBuilder();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    array.add(read(p, e));
                }
                return array.build();
            case START_OBJECT:
                MiValue.ObjectBuilder object = MiValue.object();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    object.put(key, read(p, p.nextToken()));
                }
                return object.build();
            default:
                return MiValue.NULL;
        }
    }

    /** The number at the current token: a long when it is an integer that fits one, else a double. */
    public static MiValue number(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return MiValue.of(p.getLongValue());
        }
        return MiValue.of(p.getDoubleValue());
    }

    /** Writes a value; object members in order, duplicates kept. */
    public static void write(JsonGenerator g, MiValue v) throws IOException {
        switch (v.kind()) {
            case NULL -> g.writeNull();
            case BOOLEAN -> g.writeBoolean(v.asBoolean());
            case NUMBER -> writeNumber(g, v);
            case STRING -> g.writeString(v.asString());
            case ARRAY -> {
                List<MiValue> elements = v.elements();
                g.writeStartArray();
                for (int i = 0; i < elements.size(); i++) {
                    write(g, elements.get(i));
                }
                g.writeEndArray();
            }
            case OBJECT -> {
                g.writeStartObject();
                for (Map.Entry<String, MiValue> member : v.members()) {
                    g.writeFieldName(member.getKey());
                    write(g, member.getValue());
                }
                g.writeEndObject();
            }
        }
    }

    /** Integral numbers plainly; others as cJSON's {@code print_number} ({@code %e} or {@code %f}). */
    private static void writeNumber(JsonGenerator g, MiValue v) throws IOException {
        if (v.isIntegral()) {
            g.writeNumber(v.asLong());
            return;
        }
        double d = v.asDouble();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            g.writeNull();
        } else if (Math.abs(Math.floor(d) - d) <= Math.ulp(1.0) && Math.abs(d) < 1.0e60) {
            g.writeNumber(String.format(Locale.ROOT, "%.0f", d));
        } else {
            boolean exponent = Math.abs(d) < 1.0e-6 || Math.abs(d) > 1.0e9;
            g.writeNumber(String.format(Locale.ROOT, exponent ? "%e" : "%f", d));
        }
    }
}
