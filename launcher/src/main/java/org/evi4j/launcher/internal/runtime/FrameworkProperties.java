package org.evi4j.launcher.internal.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The embedded framework's configuration. */
final class FrameworkProperties {

    /** System properties with these prefixes override the defaults below ({@code -Dfelix.fileinstall.poll=500}). */
    private static final String[] OVERRIDABLE = {"org.osgi.framework.", "felix.", "ds.", "org.evi4j.",
        "org.osgi.service.http.", "org.apache.felix.http."};
    /**
     * slf4j 2 runs on the launcher's class path and the system bundle exports it (TOOLCHAIN G24): Jetty 12 imports
     * org.slf4j [2,3), the evi4j bundles [1.7,2); slf4j-api 2 serves both.
     */
    private static final String SLF4J_PACKAGES = "org.slf4j;version=2.0.17,org.slf4j.spi;version=2.0.17,"
            + "org.slf4j.event;version=2.0.17,org.slf4j.helpers;version=2.0.17,org.slf4j;version=1.7.36,"
            + "org.slf4j.spi;version=1.7.36,org.slf4j.event;version=1.7.36,org.slf4j.helpers;version=1.7.36";

    private FrameworkProperties() {
    }

    static Map<String, String> of(Path etc, Path data) throws IOException {
        Map<String, String> props = new HashMap<>();
        props.put("org.osgi.framework.storage", data.resolve("framework").toString());
        // kept between runs: the core persists subscriptions in its bundle data area
        props.put("org.osgi.framework.storage.clean", "none");
        // the core allows UNIX subscribers in <data>/sockets unless allowed_unix_folders says otherwise (issue #17)
        props.put("evi4j.data", data.toString());
        props.put("felix.log.level", "1");
        props.put("ds.loglevel", "warn");
        props.put("felix.cm.loglevel", "2");
        // configurations live in memory only: the .cfg folder is the whole truth, so a file deleted while
        // stopped does not come back from ConfigAdmin's own store (FileInstall would not delete it)
        props.put("felix.cm.pm", "memory");
        // the default .cfg files are the Karaf features' own: their ${karaf.data} is our data folder
        props.put("karaf.data", data.toString());
        props.put("felix.fileinstall.dir", etc.toString());
        // every .cfg but the HTTP service's, whose values are framework properties (HttpService): through
        // ConfigAdmin too, Jetty would restart on them right after its start
        props.put("felix.fileinstall.filter", HttpService.FILEINSTALL_FILTER);
        props.put("felix.fileinstall.noInitialDelay", "true");
        props.put("felix.fileinstall.poll", "1000");
        props.put("felix.fileinstall.log.level", "2");
        // gotcha G9: with write-back on, FileInstall sometimes emptied a .cfg it was reading
        props.put("felix.fileinstall.enableConfigSave", "false");
        props.put("org.osgi.framework.system.packages.extra", SLF4J_PACKAGES);
        HttpService.configure(etc, props);
        for (String name : System.getProperties().stringPropertyNames()) {
            for (String prefix : OVERRIDABLE) {
                if (name.startsWith(prefix)) {
                    props.put(name, System.getProperty(name));
                }
            }
        }
        return props;
    }
}
