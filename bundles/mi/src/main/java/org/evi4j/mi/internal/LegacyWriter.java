package org.evi4j.mi.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.evi4j.mi.MiNode;

/** Writes legacy text replies as OpenSIPS 2.4.5+'s tree writer (OPENSIPS-REFERENCE 4.4). */
final class LegacyWriter {

    static final String COMMAND_NOT_AVAILABLE = "500 command not available\n";
    static final String PARSE_ERROR = "400 parse_error\n";
    static final String COMMAND_FAILED = "500 command failed\n";
    static final String INTERNAL_ERROR = "500 Internal server error\n";
    static final String TOO_LARGE = "500 reply too large\n";
    static final String FORBIDDEN = "403 Forbidden\n";

    private LegacyWriter() {
    }

    /** {@code 200 OK}, the nodes, an empty line. */
    static void ok(ReplyOutput out, List<MiNode> nodes, String indent) throws IOException {
        out.text("200 OK\n");
        nodes(out, nodes, indent, 0);
        out.write('\n');
    }

    /** A command's error: {@code CODE REASON}, an empty line. */
    static void error(ReplyOutput out, int code, String reason) throws IOException {
        out.text(Integer.toString(code));
        out.write(' ');
        out.text(reason);
        out.text("\n\n");
    }

    private static void nodes(ReplyOutput out, List<MiNode> nodes, String indent, int depth) throws IOException {
        for (int n = 0; n < nodes.size(); n++) {
            MiNode node = nodes.get(n);
            for (int i = 0; i < depth; i++) {
                out.text(indent);
            }
            if (node.name() != null) {
                out.text(node.name());
                out.text(":: ");
            }
            if (node.value() != null) {
                out.text(node.value());
            }
            for (Map.Entry<String, String> attribute : node.attributes()) {
                out.write(' ');
                out.text(attribute.getKey());
                out.write('=');
                out.text(attribute.getValue());
            }
            out.write('\n');
            nodes(out, node.children(), indent, depth + 1);
        }
    }
}
