package org.evi4j.shell.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Captures what a command prints and reads the cells of the table in it. */
final class Output {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The table's header cells. */
    List<String> header() {
        return cells(text().lines().findFirst().orElseThrow());
    }

    /** The cells of each table row below the header's separator line. */
    List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        boolean body = false;
        for (String line : text().lines().toList()) {
            if (body && line.contains("|")) {
                rows.add(cells(line));
            }
            body |= line.startsWith("---");
        }
        return rows;
    }

    private static List<String> cells(String line) {
        return Arrays.stream(line.split("\\|", -1)).map(String::trim).toList();
    }
}
