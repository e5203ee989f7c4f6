package org.evi4j.core.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Constants;

/**
 * Services of one kind keyed by a service property (scheme of a transport, name of an encoder). When several serve
 * one key, the highest {@code service.ranking} wins, then the lowest {@code service.id}, as OSGi orders services.
 * Look-ups are lock-free; binding and unbinding are rare and synchronized.
 *
 * @param <T> the service type
 */
final class ServiceIndex<T> {

    private static final Comparator<Ranked<?>> ORDER = Comparator.<Ranked<?>>comparingInt(r -> -r.ranking)
            .thenComparingLong(r -> r.id);

    private final String keyProperty;
    private final ConcurrentHashMap<String, T> best = new ConcurrentHashMap<>();
    private final Map<String, List<Ranked<T>>> all = new HashMap<>();

    ServiceIndex(String keyProperty) {
        this.keyProperty = keyProperty;
    }

    /** The service that serves the key now, or {@code null}. */
    T get(String key) {
        return best.get(key);
    }

    /** Adds a service under the key(s) its properties name; a service without the property is ignored. */
    synchronized void add(T service, Map<String, ?> properties) {
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        Object id = properties.get(Constants.SERVICE_ID);
        Ranked<T> ranked = new Ranked<>(service, ranking instanceof Integer ? (Integer) ranking : 0,
                id instanceof Long ? (Long) id : Long.MAX_VALUE);
        for (String key : keys(properties.get(keyProperty))) {
            List<Ranked<T>> list = all.computeIfAbsent(key, k -> new ArrayList<>());
            list.add(ranked);
            list.sort(ORDER);
            best.put(key, list.get(0).service);
        }
    }

    /** Removes a service from every key it serves. */
    synchronized void remove(T service) {
        for (var it = all.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, List<Ranked<T>>> entry = it.next();
            if (entry.getValue().removeIf(r -> r.service == service)) {
                if (entry.getValue().isEmpty()) {
                    best.remove(entry.getKey());
                    it.remove();
                } else {
                    best.put(entry.getKey(), entry.getValue().get(0).service);
                }
            }
        }
    }

    /** Whether the service is bound under any key. */
    synchronized boolean contains(T service) {
        for (List<Ranked<T>> list : all.values()) {
            for (Ranked<T> r : list) {
                if (r.service == service) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> keys(Object value) {
        List<String> keys = new ArrayList<>();
        if (value instanceof String) {
            keys.add((String) value);
        } else if (value instanceof String[]) {
            keys.addAll(List.of((String[]) value));
        } else if (value instanceof Collection) {
            ((Collection<?>) value).forEach(v -> keys.add(String.valueOf(v)));
        }
        keys.removeIf(String::isEmpty);
        return keys;
    }

    private record Ranked<T>(T service, int ranking, long id) {
    }
}
