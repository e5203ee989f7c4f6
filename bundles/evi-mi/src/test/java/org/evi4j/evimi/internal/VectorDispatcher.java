package org.evi4j.evimi.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.evi4j.mi.MiCommand;
import org.evi4j.mi.MiException;
import org.evi4j.mi.MiNode;
import org.evi4j.mi.MiResponse;
import org.evi4j.mi.MiValue;

/**
 * Just enough of an MI dispatcher (SPEC 6.1, 6.2) to run the vectors' EVI cases against the four commands: recipe
 * matching, {@code which}/{@code help} of a command, and both reply renderings. The real dispatcher lives in the
 * {@code mi} bundle; this one only has to be right for well-formed requests.
 */
final class VectorDispatcher {

    private final Map<String, MiCommand> commands = new LinkedHashMap<>();

    VectorDispatcher(TestEventInterface evi) {
        add(new EventSubscribeCommand(evi), "event_subscribe", "evi:subscribe");
        add(new EventsListCommand(evi), "events_list", "evi:list");
        add(new SubscribersListCommand(evi), "subscribers_list", "evi:subscribers");
        add(new RaiseEventCommand(evi), "raise_event", "evi:raise");
    }

    private void add(MiCommand command, String... names) {
        for (String name : names) {
            commands.put(name, command);
        }
    }

    /** Whether a request for this method (and first argument) concerns the EVI commands. */
    boolean handles(String method, String firstArg) {
        return commands.containsKey(method)
                || (("which".equals(method) || "help".equals(method)) && commands.containsKey(firstArg));
    }

    /** Answers a JSON-RPC request (always with an id here). */
    String json(String request) throws IOException {
        MiValue req = TestJson.parse(request);
        MiValue id = req.get("id").kind() == MiValue.Kind.NUMBER ? MiValue.of(req.get("id").asLong()) : req.get("id");
        MiValue.ObjectBuilder reply = MiValue.object().put("jsonrpc", "2.0");
        try {
            reply.put("result", call(req.get("method").asString(), req.get("params")).result());
        } catch (MiException e) {
            MiValue.ObjectBuilder error = MiValue.object().put("code", e.code()).put("message", e.getMessage());
            if (e.data() != null) {
                error.put("data", e.data());
            }
            reply.put("error", error.build());
        }
        return TestJson.json(reply.put("id", id).build());
    }

    /** Answers a legacy text request: {@code :cmd:} LF, then one argument per line. */
    String legacy(String request, String indent) {
        int end = request.indexOf(":\n", 1);
        String method = request.substring(1, end);
        List<MiValue> args = new ArrayList<>();
        for (String line : request.substring(end + 2).split("\n")) {
            String arg = line.strip();
            int names = arg.indexOf("::");
            arg = names >= 0 ? arg.substring(names + 2).strip() : arg;
            if (arg.length() >= 2 && arg.startsWith("\"") && arg.endsWith("\"")) {
                arg = arg.substring(1, arg.length() - 1).replace("\\\"", "\"");
            }
            if (!arg.isEmpty()) {
                args.add(MiValue.of(arg));
            }
        }
        try {
            MiResponse response = call(method, MiValue.array(args));
            return "200 OK\n" + render(response.legacy(), indent) + "\n";
        } catch (MiException e) {
            return e.legacyCode() + " " + e.legacyReason() + "\n\n";
        }
    }

    /** The node lines of a legacy reply, as OpenSIPS 2.4's datagram writer prints them. */
    static String render(List<MiNode> nodes, String indent) {
        StringBuilder out = new StringBuilder();
        for (MiNode node : nodes) {
            write(node, 0, indent, out);
        }
        return out.toString();
    }

    private static void write(MiNode node, int depth, String indent, StringBuilder out) {
        out.append(indent.repeat(depth));
        if (node.name() != null) {
            out.append(node.name()).append(":: ");
        }
        if (node.value() != null) {
            out.append(node.value());
        }
        for (Map.Entry<String, String> attribute : node.attributes()) {
            out.append(' ').append(attribute.getKey()).append('=').append(attribute.getValue());
        }
        out.append('\n');
        for (MiNode child : node.children()) {
            write(child, depth + 1, indent, out);
        }
    }

    private MiResponse call(String method, MiValue params) throws MiException {
        if ("which".equals(method) || "help".equals(method)) {
            MiCommand command = commands.get(params.elements().get(0).asString());
            if ("help".equals(method)) {
                return MiResponse.of(MiValue.object().put("Help", command.help())
                        .put("Exported by", command.exportedBy()).build());
            }
            MiValue.ArrayBuilder recipes = MiValue.arrayBuilder();
            command.recipes().forEach(r -> recipes.add(MiValue.strings(r)));
            return MiResponse.of(recipes.build());
        }
        MiCommand command = commands.get(method);
        return command.execute(match(command.recipes(), params));
    }

    private static TestParams match(List<List<String>> recipes, MiValue params) throws MiException {
        boolean named = params != null && params.kind() == MiValue.Kind.OBJECT;
        int count = params == null ? 0 : named ? params.members().size() : params.elements().size();
        boolean countMatched = false;
        for (List<String> recipe : recipes) {
            if (recipe.size() != count) {
                continue;
            }
            countMatched = true;
            if (!named) {
                return TestParams.positional(recipe, params == null ? List.of() : params.elements());
            }
            Set<String> keys = new HashSet<>();
            params.members().forEach(m -> keys.add(m.getKey()));
            if (keys.equals(new HashSet<>(recipe))) {
                Map<String, MiValue> values = new LinkedHashMap<>();
                params.members().forEach(m -> values.put(m.getKey(), m.getValue()));
                return new TestParams(recipe, values);
            }
        }
        throw MiException.invalidParams(countMatched ? "Named parameters do not match"
                : "Too few or too many parameters");
    }
}
