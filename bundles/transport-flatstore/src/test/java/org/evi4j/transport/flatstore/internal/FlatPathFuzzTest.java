package org.evi4j.transport.flatstore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.evi4j.testkit.FuzzMutator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated {@code flatstore:} paths through the transport's parser: a destination inside the allowed folder, or an
 * IllegalArgumentException with a message; never another exception, and parsing creates no file anywhere. A failure
 * names the seed and iteration.
 */
class FlatPathFuzzTest {

    private static final long SEED = Long.getLong("evi4j.fuzz.seed", 20261207L);
    private static final int ITERATIONS = Integer.getInteger("evi4j.fuzz.iterations", 5_000);

    @TempDir
    Path tmp;

    @Test
    void fuzzedPathsAreRefusedOrStayInside() throws IOException, InterruptedException {
        Path allowed = Files.createDirectories(tmp.resolve("allowed/flat"));
        Files.createDirectory(tmp.resolve("outside"));
        Files.createSymbolicLink(allowed.resolve("out"), tmp.resolve("outside"));
        List<String> seeds = new ArrayList<>(FuzzMutator.addressesOf("flatstore"));
        seeds.addAll(List.of(allowed + "/v1.log", allowed + "/../v1.log", allowed + "/out/x.log", allowed + "/",
                "", "/", allowed + "/./a.log", allowed + "/a\u0000b"));
        FuzzMutator fuzz = FuzzMutator.ofStrings(SEED, seeds);
        FlatstoreTransport transport = Flat.transport(tmp.resolve("allowed"));
        Path realAllowed = tmp.resolve("allowed").toRealPath();
        try {
            for (long i = 0; i < ITERATIONS; i++) {
                String address = fuzz.string(i);
                try {
                    FlatDestination destination = (FlatDestination) transport.parse(address);
                    assertThat(destination.realPath().startsWith(realAllowed)).as(fuzz.describe(i) + ": " + address).isTrue();
                } catch (IllegalArgumentException e) {
                    assertThat(e.getMessage()).as(fuzz.describe(i)).isNotBlank();
                } catch (RuntimeException e) {
                    fail(fuzz.describe(i) + ": " + address, e);
                }
            }
        } finally {
            transport.deactivate();
        }
        try (Stream<Path> files = Files.walk(tmp)) {
            assertThat(files.filter(Files::isRegularFile)).as("parsing creates no file").isEmpty();
        }
    }
}
