package org.evi4j.launcher.internal.runtime;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The embedded framework's configuration. */
final class FrameworkProperties {

    /** System properties with these prefixes override the defaults below ({@code -Dfelix.fileinstall.poll=500}). */
    private static final String[] OVERRIDABLE = {"org.osgi.framework.", "felix.", "ds.", "org.evi4j."};

    private FrameworkProperties() {
    }

    static Map<String, String> of(Path etc, Path data) {
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
        props.put("felix.fileinstall.dir", etc.toString());
        props.put("felix.fileinstall.filter", ".*\\.cfg");
        props.put("felix.fileinstall.noInitialDelay", "true");
        props.put("felix.fileinstall.poll", "1000");
        props.put("felix.fileinstall.log.level", "2");
        // gotcha G9: with write-back on, FileInstall sometimes emptied a .cfg it was reading
        props.put("felix.fileinstall.enableConfigSave", "false");
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
