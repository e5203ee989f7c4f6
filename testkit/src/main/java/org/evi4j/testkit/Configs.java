package org.evi4j.testkit;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed configuration as Declarative Services builds it, for tests and benchmarks that construct components from
 * plain Java: an instance of a configuration annotation type ({@code @ObjectClassDefinition}) reading its values
 * from a map of properties, the annotation's defaults where the map has none.
 *
 * <p>Property names follow the DS rules (Compendium 112.8.2.2): a method {@code socket__name()} reads
 * {@code socket_name}, {@code event_topics()} reads {@code event.topics}, {@code $$} is a dollar, a single
 * {@code $} is dropped, {@code $_$} is a dash. Values are converted as DS converts them: strings to numbers and
 * booleans, numbers to the width asked for, a single value to a one-element array, a collection to an array.
 */
public final class Configs {

    private Configs() {
    }

    /** A configuration of that annotation type with no properties: all defaults. */
    public static <A> A of(Class<A> type) {
        return of(type, Map.of());
    }

    /** A configuration of that annotation type over these properties. */
    public static <A> A of(Class<A> type, Map<String, ?> properties) {
        if (!type.isAnnotation()) {
            throw new IllegalArgumentException(type + " is not an annotation type");
        }
        // a null value stands for no value (the default), as in a Dictionary that lacks the key
        Map<String, ?> values = Collections.unmodifiableMap(new HashMap<>(properties));
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> type.getSimpleName() + values;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "annotationType" -> type;
                    default -> value(method, values.get(propertyName(method.getName())));
                }));
    }

    /** The property a method of a configuration type reads. */
    public static String propertyName(String methodName) {
        StringBuilder name = new StringBuilder(methodName.length());
        for (int i = 0; i < methodName.length(); i++) {
            char c = methodName.charAt(i);
            if (c == '$') {
                if (methodName.startsWith("$$", i)) {
                    name.append('$');
                    i++;
                } else if (methodName.startsWith("$_$", i)) {
                    name.append('-');
                    i += 2;
                }
            } else if (c == '_') {
                if (methodName.startsWith("__", i)) {
                    name.append('_');
                    i++;
                } else {
                    name.append('.');
                }
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    private static Object value(Method method, Object value) {
        if (value == null) {
            return method.getDefaultValue();
        }
        Class<?> type = method.getReturnType();
        if (!type.isArray()) {
            return convert(single(value, method), type, method);
        }
        List<?> elements = elements(value);
        Object array = Array.newInstance(type.getComponentType(), elements.size());
        for (int i = 0; i < elements.size(); i++) {
            Array.set(array, i, convert(elements.get(i), type.getComponentType(), method));
        }
        return array;
    }

    private static List<?> elements(Object value) {
        if (value instanceof Collection<?> collection) {
            return List.copyOf(collection);
        }
        if (value.getClass().isArray()) {
            Object[] boxed = new Object[Array.getLength(value)];
            for (int i = 0; i < boxed.length; i++) {
                boxed[i] = Array.get(value, i);
            }
            return List.of(boxed);
        }
        return List.of(value);
    }

    /** A scalar property given as an array or collection: its first element, as DS takes it. */
    private static Object single(Object value, Method method) {
        List<?> elements = elements(value);
        if (elements.isEmpty()) {
            return method.getDefaultValue();
        }
        return elements.get(0);
    }

    private static Object convert(Object value, Class<?> type, Method method) {
        if (value == null) {
            return method.getDefaultValue();
        }
        if (type == String.class) {
            return value.toString();
        }
        if (type == boolean.class || type == Boolean.class) {
            return value instanceof Boolean ? value : Boolean.parseBoolean(value.toString().strip());
        }
        if (type == char.class || type == Character.class) {
            return value instanceof Character ? value : value.toString().charAt(0);
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return number(value, type);
        }
        if (type.isInstance(value)) {
            return value;
        }
        if (type.isEnum()) {
            return enumConstant(type, value.toString().strip());
        }
        throw new IllegalArgumentException("property " + propertyName(method.getName()) + " = " + value
                + " cannot be a " + type.getSimpleName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    private static Object number(Object value, Class<?> type) {
        boolean integral = type != float.class && type != Float.class && type != double.class && type != Double.class;
        Number n = value instanceof Number number ? number
                : integral ? (Number) Long.valueOf(value.toString().strip()) : Double.valueOf(value.toString().strip());
        if (type == int.class || type == Integer.class) {
            return n.intValue();
        }
        if (type == long.class || type == Long.class) {
            return n.longValue();
        }
        if (type == short.class || type == Short.class) {
            return n.shortValue();
        }
        if (type == byte.class || type == Byte.class) {
            return n.byteValue();
        }
        if (type == float.class || type == Float.class) {
            return n.floatValue();
        }
        return n.doubleValue();
    }
}
