package org.evi4j.core.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * A {@link CoreConfig} as DS builds it: a property named like the method (double underscore = underscore), else
 * the method's default. A single String given for an array property becomes a one-element array, as from a
 * Karaf {@code .cfg}.
 */
final class Configs {

    private Configs() {
    }

    static CoreConfig of(Map<String, Object> properties) {
        return (CoreConfig) Proxy.newProxyInstance(CoreConfig.class.getClassLoader(),
                new Class<?>[] {CoreConfig.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "CoreConfig" + properties
                                : method.invoke(properties, args);
                    }
                    Object value = properties.get(method.getName().replace("__", "_"));
                    if (value == null) {
                        return method.getDefaultValue();
                    }
                    if (method.getReturnType() == String[].class && value instanceof String) {
                        return new String[] {(String) value};
                    }
                    return value;
                });
    }
}
