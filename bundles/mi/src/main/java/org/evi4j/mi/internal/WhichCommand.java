package org.evi4j.mi.internal;

import java.util.ArrayList;
import java.util.List;

import org.evi4j.cjson.mi.MiJson;
import org.evi4j.mi.MiCommand;
import org.evi4j.mi.MiException;
import org.evi4j.mi.MiNode;
import org.evi4j.mi.MiParams;
import org.evi4j.mi.MiResponse;
import org.evi4j.mi.MiValue;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code which}: the commands registered now (their first names, in registration order); with a command name,
 * its recipes (legacy text: one line per recipe, as a JSON array); with a {@code module:} prefix, the names in that
 * module (as OpenSIPS 4.0).
 */
@Component(property = {MiCommand.NAME_PROPERTY + "=which", MiCommand.NAME_PROPERTY + "=core:which"})
public final class WhichCommand implements MiCommand {

    static final String UNKNOWN = "unknown MI command";

    private final CommandRegistry registry;
    private final MiJson json = new MiJson();

    @Activate
    public WhichCommand(@Reference CommandRegistry registry) {
        this.registry = registry;
    }

    @Override
    public List<List<String>> recipes() {
        return List.of(List.of(), List.of("command"));
    }

    @Override
    public String help() {
        return "lists all available MI commands";
    }

    @Override
    public MiResponse execute(MiParams params) throws MiException {
        if (!params.has("command")) {
            List<String> names = new ArrayList<>();
            for (Registration r : registry.commands()) {
                names.add(r.name());
            }
            return MiResponse.of(MiValue.strings(names));
        }
        String name = params.string("command");
        if (name.endsWith(":")) {
            return module(name);
        }
        Registration command = registry.lookup(name);
        if (command == null) {
            throw new MiException(404, UNKNOWN);
        }
        List<MiValue> recipes = new ArrayList<>();
        for (List<String> recipe : command.recipes()) {
            recipes.add(MiValue.strings(recipe));
        }
        MiValue result = MiValue.array(recipes);
        return MiResponse.of(result, () -> recipes.stream().map(r -> MiNode.value(json.text(r))).toList());
    }

    private MiResponse module(String prefix) throws MiException {
        List<String> names = new ArrayList<>();
        for (Registration r : registry.commands()) {
            for (String n : r.names()) {
                if (n.startsWith(prefix) && n.length() > prefix.length()) {
                    names.add(n);
                    break;
                }
            }
        }
        if (names.isEmpty()) {
            throw new MiException(404, UNKNOWN);
        }
        return MiResponse.of(MiValue.strings(names));
    }
}
