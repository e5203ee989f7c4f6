package org.evi4j.launcher.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.launch.Framework;

/** In a real Felix: install on first run, nothing on an unchanged rerun, update in place, uninstall. */
class BundleProvisionerTest {

    @TempDir
    Path dir;

    private static void writeBundle(Path jar, String symbolicName, String revision) throws Exception {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("X-Revision", revision);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.flush();
        }
    }

    /** Starts a framework on the test's storage, provisions from the folder, stops it; returns the bundles. */
    private void provision(Path folder, Check whileRunning) throws Exception {
        Framework framework = new FrameworkFactory().newFramework(Map.of(
                "org.osgi.framework.storage", dir.resolve("storage").toString(), "felix.log.level", "0"));
        framework.start();
        try (EmbeddedFiles bundles = EmbeddedFiles.ofFolder(folder)) {
            List<Bundle> installed = new BundleProvisioner(framework.getBundleContext(), bundles,
                    dir.resolve("state.properties")).provision();
            whileRunning.check(framework, installed);
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    @Test
    void keepsBundlesAndTheirDataAcrossRunsUpdatingOnlyChangedOnes() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("bundles"));
        writeBundle(folder.resolve("a-1.jar"), "test.a", "1");
        writeBundle(folder.resolve("b-1.jar"), "test.b", "1");

        long[] ids = new long[2];
        provision(folder, (framework, bundles) -> {
            assertThat(bundles).extracting(Bundle::getSymbolicName).containsExactly("test.a", "test.b");
            assertThat(bundles.get(0).getLocation()).isEqualTo("evi4j:bundles/a-1.jar");
            ids[0] = bundles.get(0).getBundleId();
            ids[1] = bundles.get(1).getBundleId();
            Files.writeString(bundles.get(0).getDataFile("kept").toPath(), "subscriptions");
        });

        provision(folder, (framework, bundles) ->
                assertThat(bundles).extracting(Bundle::getBundleId).containsExactly(ids[0], ids[1]));

        writeBundle(folder.resolve("a-1.jar"), "test.a", "2");
        Files.delete(folder.resolve("b-1.jar"));
        provision(folder, (framework, bundles) -> {
            assertThat(bundles).hasSize(1);
            Bundle a = bundles.get(0);
            assertThat(a.getBundleId()).isEqualTo(ids[0]);
            assertThat(a.getHeaders().get("X-Revision")).isEqualTo("2");
            assertThat(Files.readString(a.getDataFile("kept").toPath())).isEqualTo("subscriptions");
            assertThat(framework.getBundleContext().getBundle(ids[1])).as("no longer shipped").isNull();
        });
    }

    @Test
    void unchangedRerunDoesNotUpdate() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("bundles"));
        writeBundle(folder.resolve("a-1.jar"), "test.a", "1");
        long[] modified = new long[1];
        provision(folder, (framework, bundles) -> modified[0] = bundles.get(0).getLastModified());
        provision(folder, (framework, bundles) ->
                assertThat(bundles.get(0).getLastModified()).isEqualTo(modified[0]));
    }

    @FunctionalInterface
    interface Check {
        void check(Framework framework, List<Bundle> bundles) throws Exception;
    }
}
