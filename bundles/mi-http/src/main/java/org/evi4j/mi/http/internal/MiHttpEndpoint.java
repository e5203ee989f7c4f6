package org.evi4j.mi.http.internal;

import java.util.Dictionary;
import java.util.Hashtable;

import javax.servlet.Servlet;

import org.evi4j.mi.MiDispatcher;
import org.evi4j.mi.MiEndpointStatistics;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.http.whiteboard.annotations.RequireHttpWhiteboard;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the MI on the HTTP whiteboard at {@code /ROOT} and {@code /ROOT/*} (OpenSIPS matches both), and its counters
 * in the service registry. The servlet is registered by hand because its patterns come from the configuration.
 */
@Component(configurationPid = MiHttpEndpoint.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {},
        immediate = true)
@Designate(ocd = MiHttpConfig.class)
@RequireHttpWhiteboard
public final class MiHttpEndpoint {
    /** The configuration PID. */
    static final String PID = "org.evi4j.mi.http";
    /** Unique on every servlet (Pax Web drops a second servlet of the same name, TOOLCHAIN G20). */
    static final String SERVLET_NAME = "evi4j-mi";

    private static final Logger LOG = LoggerFactory.getLogger(MiHttpEndpoint.class);

    private final ServiceRegistration<Servlet> servlet;
    private final ServiceRegistration<MiEndpointStatistics> statistics;
    private final String path;

    /** @throws IllegalArgumentException when {@code root} is not a plain path */
    @Activate
    public MiHttpEndpoint(@Reference MiDispatcher dispatcher, MiHttpConfig config, BundleContext context) {
        this.path = path(config.root());
        HttpCounters counters = new HttpCounters("http:" + path);
        Dictionary<String, Object> servletProperties = new Hashtable<>();
        servletProperties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN,
                new String[] {path, path + "/*"});
        servletProperties.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, SERVLET_NAME);
        this.servlet = context.registerService(Servlet.class, new MiServlet(dispatcher, counters), servletProperties);
        Dictionary<String, Object> statisticsProperties = new Hashtable<>();
        statisticsProperties.put(MiEndpointStatistics.SOCKET_PROPERTY, counters.socket());
        this.statistics = context.registerService(MiEndpointStatistics.class, counters, statisticsProperties);
        LOG.info("MI over HTTP at {}", path);
    }

    @Deactivate
    void stop() {
        statistics.unregister();
        servlet.unregister();
        LOG.info("MI over HTTP at {} stopped", path);
    }

    /** {@code mi} → {@code /mi}; a root with characters a servlet pattern cannot hold is refused. */
    static String path(String root) {
        String stripped = root == null ? "" : root.strip();
        while (stripped.startsWith("/")) {
            stripped = stripped.substring(1);
        }
        while (stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        if (!stripped.matches("[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*")) {
            throw new IllegalArgumentException("root '" + root + "' must be a path such as mi or api/mi");
        }
        return "/" + stripped;
    }
}
