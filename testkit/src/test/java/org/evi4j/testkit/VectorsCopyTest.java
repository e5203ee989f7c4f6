package org.evi4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The project's copy of the vectors must equal ../shared/vectors, whenever that folder is there. */
class VectorsCopyTest {

    @Test
    void copyMatchesSharedVectors() throws IOException {
        Path shared = Paths.get(System.getProperty("evi4j.shared.vectors.dir", "../../shared/vectors"));
        assumeTrue(Files.isDirectory(shared), "no ../shared/vectors beside the project");
        try (Stream<Path> files = Files.list(shared)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = Vectors.dir().resolve(file.getFileName());
                assertThat(copy).as("copy of %s", file).exists();
                assertThat(Files.readAllBytes(copy)).as("%s differs from %s: refresh the copy", copy, file)
                        .isEqualTo(Files.readAllBytes(file));
            }
        }
    }

    @Test
    void encoderVectorsLoad() {
        assertThat(Vectors.eventCases("events-jsonrpc.json")).extracting(Vectors.EventCase::id).contains("pike",
                "utf8", "nul-escaped");
    }
}
