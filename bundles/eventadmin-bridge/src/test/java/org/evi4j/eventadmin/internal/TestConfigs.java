package org.evi4j.eventadmin.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Builds instances of configuration annotation types, as DS does: given values, else the method's default. */
final class TestConfigs {

    private TestConfigs() {
    }

    static <A> A of(Class<A> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName())
                        : method.getDefaultValue()));
    }
}
