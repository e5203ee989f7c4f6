package org.evi4j.mi.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.evi4j.api.EventInterface;
import org.evi4j.cjson.CJson;
import org.evi4j.mi.MiCommand;
import org.evi4j.mi.MiDispatcher;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MI dispatcher: a whiteboard of {@link MiCommand} services, answering JSON-RPC 2.0 and legacy text requests.
 * Look-ups read an immutable table swapped whenever a command comes or goes; {@code which} lists commands in
 * registration (service id) order.
 */
@Component(service = {MiDispatcher.class, CommandRegistry.class})
public final class MiDispatcherImpl implements MiDispatcher, CommandRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(MiDispatcherImpl.class);
    private static final String COMMANDS = "commands";

    private final MiCounters counters = new MiCounters();
    private final JsonRpcCodec json = new JsonRpcCodec(CJson.factory(), this);
    private final LegacyCodec legacy = new LegacyCodec(this);
    private final Map<Long, Registration> registered = new TreeMap<>();
    private volatile Table table = new Table(Map.of(), List.of());
    private volatile ComponentContext context;

    /** The commands now, by every name, first registration winning a name claimed twice. */
    private record Table(Map<String, Registration> byName, List<Registration> ordered) {
    }

    @Activate
    public void activate(ComponentContext componentContext) {
        context = componentContext;
        LOG.debug("MI dispatcher started with {} commands", table.ordered().size());
    }

    @Deactivate
    void deactivate() {
        context = null;
        json.close();
        LOG.debug("MI dispatcher stopped");
    }

    @Reference(name = COMMANDS, service = MiCommand.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    public void bindCommand(ServiceReference<MiCommand> reference) {
        List<String> names = names(reference.getProperty(MiCommand.NAME_PROPERTY));
        if (names.isEmpty()) {
            LOG.warn("MI command service {} has no {} property: ignored", reference, MiCommand.NAME_PROPERTY);
            return;
        }
        long id = (Long) reference.getProperty(Constants.SERVICE_ID);
        synchronized (registered) {
            registered.put(id, new Registration(names, id, () -> locate(reference)));
            rebuild();
        }
        LOG.debug("MI command {} added", names);
    }

    void updatedCommand(ServiceReference<MiCommand> reference) {
        unbindCommand(reference);
        bindCommand(reference);
    }

    void unbindCommand(ServiceReference<MiCommand> reference) {
        long id = (Long) reference.getProperty(Constants.SERVICE_ID);
        synchronized (registered) {
            Registration gone = registered.remove(id);
            if (gone != null) {
                rebuild();
                LOG.debug("MI command {} removed", gone.names());
            }
        }
    }

    private MiCommand locate(ServiceReference<MiCommand> reference) {
        ComponentContext c = context;
        return c == null ? null : c.locateService(COMMANDS, reference);
    }

    private void rebuild() {
        Map<String, Registration> byName = new HashMap<>();
        for (Registration r : registered.values()) {
            for (String name : r.names()) {
                byName.putIfAbsent(name, r);
            }
        }
        table = new Table(byName, List.copyOf(registered.values()));
    }

    @Override
    public boolean dispatch(ByteBuffer request, ByteBuffer reply, String legacyIndent) {
        return dispatch(request, reply, legacyIndent, name -> true, null);
    }

    @Override
    public boolean dispatch(ByteBuffer request, ByteBuffer reply, String legacyIndent, String source) {
        return dispatch(request, reply, legacyIndent, name -> true, source);
    }

    @Override
    public boolean dispatch(ByteBuffer request, ByteBuffer reply, String legacyIndent, Predicate<String> allowed,
            String source) {
        counters.requests.increment();
        ReplyOutput out = new ReplyOutput(reply, EventInterface.MAX_DATAGRAM);
        boolean send;
        try {
            int length = request.remaining();
            byte[] bytes;
            int offset;
            if (request.hasArray()) {
                bytes = request.array();
                offset = request.arrayOffset() + request.position();
            } else {
                bytes = new byte[length];
                request.duplicate().get(bytes);
                offset = 0;
            }
            send = length > 0 && bytes[offset] == ':'
                    ? legacy.handle(bytes, offset, length, out, legacyIndent == null ? "\t" : legacyIndent, allowed,
                            source)
                    : json.handle(bytes, offset, length, out, allowed, source);
        } catch (RuntimeException | LinkageError e) {
            LOG.error("MI request dropped: unexpected failure", e);
            send = false;
        }
        if (!send) {
            out.reset();
        }
        out.finish();
        return send;
    }

    @Override
    public Registration lookup(String name) {
        Registration r = table.byName().get(name);
        return r != null && r.resolve() ? r : null;
    }

    @Override
    public List<Registration> commands() {
        return table.ordered();
    }

    @Override
    public MiCounters counters() {
        return counters;
    }

    private static List<String> names(Object property) {
        List<String> names = new ArrayList<>();
        if (property instanceof String) {
            names.add((String) property);
        } else if (property instanceof String[]) {
            names.addAll(List.of((String[]) property));
        } else if (property instanceof Collection<?>) {
            ((Collection<?>) property).forEach(n -> names.add(String.valueOf(n)));
        }
        names.removeIf(String::isEmpty);
        return names;
    }
}
