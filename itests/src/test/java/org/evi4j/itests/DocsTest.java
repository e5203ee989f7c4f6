package org.evi4j.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

/**
 * The user documentation shows what the tests run: the transport in docs/writing-a-transport.md is
 * {@link RelayTransport}, the one the Karaf test installs; README and docs link only to files in the repository.
 */
public class DocsTest {

    private static final Path ROOT = Paths.get("..");
    private static final String MARKER = "<!-- RelayTransport.java -->\n```java\n";

    @Test
    public void theTransportOnTheDocsPageIsTheOneTheKarafTestInstalls() throws IOException {
        String page = Files.readString(ROOT.resolve("docs/writing-a-transport.md"));
        int start = page.indexOf(MARKER);
        assertThat(start).as("marker before the code block").isNotNegative();
        String shown = page.substring(start + MARKER.length(), page.indexOf("```\n", start + MARKER.length()));
        String tested = Files.readString(Paths.get("src/test/java/org/evi4j/itests/RelayTransport.java"))
                .replace("package org.evi4j.itests;", "package org.example.relay;");
        assertThat(shown).isEqualTo(tested);
    }

    @Test
    public void readmeAndDocsLinkOnlyToFilesInTheRepository() throws IOException {
        Pattern link = Pattern.compile("\\]\\(([^)#]+)(#[^)]*)?\\)");
        try (var docs = Files.list(ROOT.resolve("docs"))) {
            for (Path page : (Iterable<Path>) java.util.stream.Stream.concat(java.util.stream.Stream.of(
                    ROOT.resolve("README.md")), docs.filter(p -> p.toString().endsWith(".md")))::iterator) {
                String text = Files.readString(page);
                assertThat(text).as(page + " links outside the repository").doesNotContain("../shared");
                Matcher m = link.matcher(text);
                while (m.find()) {
                    String target = m.group(1);
                    if (!target.startsWith("http")) {
                        assertThat(page.getParent().resolve(target)).as(page + " -> " + target).exists();
                    }
                }
            }
        }
    }
}
