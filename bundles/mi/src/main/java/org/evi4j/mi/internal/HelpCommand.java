package org.evi4j.mi.internal;

import java.util.List;

import org.evi4j.mi.MiCommand;
import org.evi4j.mi.MiException;
import org.evi4j.mi.MiNode;
import org.evi4j.mi.MiParams;
import org.evi4j.mi.MiResponse;
import org.evi4j.mi.MiValue;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code help}: a command's help line and the module exporting it; alone, how to use {@code help}. */
@Component(property = {MiCommand.NAME_PROPERTY + "=help", MiCommand.NAME_PROPERTY + "=core:help"})
public final class HelpCommand implements MiCommand {

    private static final String USAGE = "help mi_cmd - returns information about 'mi_cmd'";

    private final CommandRegistry registry;

    @Activate
    public HelpCommand(@Reference CommandRegistry registry) {
        this.registry = registry;
    }

    @Override
    public List<List<String>> recipes() {
        return List.of(List.of(), List.of("mi_cmd"));
    }

    @Override
    public String help() {
        return "prints information about MI commands usage";
    }

    @Override
    public MiResponse execute(MiParams params) throws MiException {
        if (!params.has("mi_cmd")) {
            return MiResponse.of(MiValue.of("Usage: " + USAGE), () -> List.of(MiNode.of("Usage", USAGE)));
        }
        Registration command = registry.lookup(params.string("mi_cmd"));
        if (command == null) {
            throw new MiException(404, WhichCommand.UNKNOWN);
        }
        String help = command.command().help();
        return MiResponse.of(MiValue.object()
                .put("Help", help == null || help.isEmpty() ? "No help message available" : help)
                .put("Exported by", command.command().exportedBy())
                .build());
    }
}
