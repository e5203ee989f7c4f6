package org.evi4j.launcher.internal.runtime;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The HTTP service's address, from {@code etc/org.apache.felix.http.cfg} (Felix's own PID and property names), set
 * as framework properties: Jetty binds them at its start, before ConfigAdmin has the file (TOOLCHAIN G23: without
 * them it binds 0.0.0.0:8080 first). Without the file the HTTP service stays off.
 */
final class HttpService {
    static final String PID = "org.apache.felix.http";
    static final String PORT = "org.osgi.service.http.port";
    static final String HOST = "org.apache.felix.http.host";
    static final String ENABLE = "org.apache.felix.http.enable";
    static final String DEFAULT_PORT = "8888";
    static final String DEFAULT_HOST = "127.0.0.1";
    /** The .cfg files FileInstall reads: all but this one. */
    static final String FILEINSTALL_FILTER = "(?!org\\.apache\\.felix\\.http\\.cfg$).*\\.cfg";

    /** Whether FileInstall turns this file into a configuration. */
    static boolean readByFileInstall(Path file) {
        return file.getFileName().toString().matches(FILEINSTALL_FILTER);
    }

    private HttpService() {
    }

    /** Puts the port, host and enable flag for the HTTP service into {@code props}. */
    static void configure(Path etc, Map<String, String> props) throws IOException {
        Path cfg = etc.resolve(PID + ".cfg");
        props.put(HOST, DEFAULT_HOST);
        if (!Files.isRegularFile(cfg)) {
            props.put(ENABLE, "false");
            return;
        }
        Properties file = new Properties();
        try (Reader in = Files.newBufferedReader(cfg, StandardCharsets.UTF_8)) {
            file.load(in);
        }
        props.put(PORT, file.getProperty(PORT, DEFAULT_PORT).strip());
        props.put(HOST, file.getProperty(HOST, DEFAULT_HOST).strip());
        props.put(ENABLE, file.getProperty(ENABLE, "true").strip());
    }

    /** The console's address as the framework properties give it, or {@code null} when HTTP is off. */
    static String address(Map<String, String> props) {
        if (!"true".equalsIgnoreCase(props.get(ENABLE))) {
            return null;
        }
        String host = props.get(HOST);
        boolean any = host.equals("0.0.0.0") || host.equals("::") || host.isEmpty();
        String shown = any ? "127.0.0.1" : host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return "http://" + shown + ":" + props.get(PORT) + "/";
    }
}
