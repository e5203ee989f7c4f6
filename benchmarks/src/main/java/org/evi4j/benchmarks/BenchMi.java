package org.evi4j.benchmarks;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import org.evi4j.mi.MiCommand;
import org.evi4j.mi.MiDispatcher;
import org.evi4j.mi.internal.ArgCommand;
import org.evi4j.mi.internal.GetStatisticsCommand;
import org.evi4j.mi.internal.HelpCommand;
import org.evi4j.mi.internal.ListStatisticsCommand;
import org.evi4j.mi.internal.MiDispatcherImpl;
import org.evi4j.mi.internal.PsCommand;
import org.evi4j.mi.internal.PwdCommand;
import org.evi4j.mi.internal.ResetStatisticsCommand;
import org.evi4j.mi.internal.UptimeCommand;
import org.evi4j.mi.internal.VersionCommand;
import org.evi4j.mi.internal.WhichCommand;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;

/**
 * The real MI dispatcher with the core commands ({@code uptime}, {@code which}, {@code version}, {@code ps}, ...),
 * bound the way SCR binds them, from plain Java, through the dispatcher's public lifecycle and bind methods (the
 * service reference and component context are the framework's part, played here).
 */
public final class BenchMi {

    private final MiDispatcherImpl dispatcher = new MiDispatcherImpl();
    private final Map<ServiceReference<?>, MiCommand> services = new HashMap<>();
    private long nextId = 1;

    /** A dispatcher with the core commands of the {@code mi} bundle. */
    public BenchMi() {
        dispatcher.activate(context());
        register(new WhichCommand(dispatcher), "which", "core:which");
        register(new HelpCommand(dispatcher), "help", "core:help");
        register(new VersionCommand("0.1.0-SNAPSHOT"), "version", "core:version");
        register(new UptimeCommand(), "uptime", "core:uptime");
        register(new PsCommand(), "ps", "core:ps");
        register(new PwdCommand(), "pwd", "core:pwd");
        register(new ArgCommand(), "arg", "core:arg");
        register(new GetStatisticsCommand(dispatcher), "get_statistics", "statistics:get");
        register(new ListStatisticsCommand(dispatcher), "list_statistics", "statistics:list");
        register(new ResetStatisticsCommand(dispatcher), "reset_statistics", "statistics:reset");
    }

    public MiDispatcher dispatcher() {
        return dispatcher;
    }

    /** Binds one more command service under the given names (e.g. the EVI commands). */
    public void register(MiCommand command, String... names) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(Constants.SERVICE_ID, nextId++);
        properties.put(MiCommand.NAME_PROPERTY, names.length == 1 ? names[0] : names);
        @SuppressWarnings("unchecked")
        ServiceReference<MiCommand> reference = (ServiceReference<MiCommand>) Proxy.newProxyInstance(
                BenchMi.class.getClassLoader(), new Class<?>[] {ServiceReference.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get(args[0]);
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "ref" + properties;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        services.put(reference, command);
        dispatcher.bindCommand(reference);
    }

    private ComponentContext context() {
        return (ComponentContext) Proxy.newProxyInstance(BenchMi.class.getClassLoader(),
                new Class<?>[] {ComponentContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("locateService") && args.length == 2) {
                        return services.get(args[1]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
