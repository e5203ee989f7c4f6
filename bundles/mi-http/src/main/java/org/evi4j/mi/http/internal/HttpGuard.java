package org.evi4j.mi.http.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.evi4j.support.LogLimiter;
import org.evi4j.support.net.Networks;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterAsyncSupported;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guard in front of every path of the HTTP service (a whiteboard filter on {@code /*}): the source address
 * must be allowed (else 403), the credentials must pass when authentication is on (else 401), and a
 * state-changing request from a browser page must come from an allowed origin (else 403). A configuration it
 * cannot use shuts the door (503 for everything) rather than opening it. Async-supported: it decides before the
 * servlet runs and keeps nothing, and an async servlet behind it (the console's live tail) needs every filter of its
 * chain to be (Pax Web's Jetty refuses startAsync otherwise).
 */
@Component(service = Filter.class, configurationPid = HttpGuard.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardFilterName("evi4j-guard")
@HttpWhiteboardFilterAsyncSupported
@Designate(ocd = HttpGuardConfig.class)
public final class HttpGuard implements Filter {
    /** The configuration PID. */
    static final String PID = "org.evi4j.http";
    static final String REALM = "evi4j";

    private static final Logger LOG = LoggerFactory.getLogger(HttpGuard.class);

    private final Networks sources;
    private final BasicAuth auth;
    private final OriginPolicy origins;
    private final String broken;
    private final LogLimiter refusals = new LogLimiter(10, TimeUnit.SECONDS);

    @Activate
    public HttpGuard(HttpGuardConfig config) {
        Networks parsedSources = null;
        BasicAuth parsedAuth = null;
        OriginPolicy parsedOrigins = null;
        String problem = null;
        try {
            parsedSources = Networks.parse("allowed_sources", config.allowed__sources());
            parsedAuth = auth(config);
            parsedOrigins = new OriginPolicy(config.allowed__origins());
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
            LOG.error("HTTP guard ({}): {}; every HTTP request is refused until the configuration is fixed", PID,
                    problem);
        }
        this.sources = parsedSources;
        this.auth = parsedAuth;
        this.origins = parsedOrigins;
        this.broken = problem;
        if (problem == null) {
            LOG.info("HTTP guard: allowed_sources {}, authentication {}", sources, auth == null ? "off" : "on");
        }
    }

    private static BasicAuth auth(HttpGuardConfig config) {
        String user = config.basic__auth__user() == null ? "" : config.basic__auth__user().strip();
        String password = config.basic__auth__password() == null ? "" : config.basic__auth__password().strip();
        String realm = config.jaas__realm() == null ? "" : config.jaas__realm().strip();
        if (user.isEmpty() != password.isEmpty()) {
            throw new IllegalArgumentException("basic_auth_user and basic_auth_password go together");
        }
        if (user.isEmpty() && realm.isEmpty()) {
            return null;
        }
        return new BasicAuth(user, user.isEmpty() ? null : PasswordHash.parse(password), realm);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        if (broken != null) {
            refuse(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "misconfigured: " + broken);
        } else if (!sources.allows(address(request.getRemoteAddr()))) {
            refuse(request, response, HttpServletResponse.SC_FORBIDDEN, "source not in allowed_sources");
        } else if (auth != null && !auth.accepts(request.getHeader("Authorization"))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, "no valid credentials");
        } else if (changesState(request.getMethod())
                && !origins.allows(request.getHeader("Origin"), request.getScheme(), request.getHeader("Host"))) {
            refuse(request, response, HttpServletResponse.SC_FORBIDDEN,
                    "cross-origin request from " + request.getHeader("Origin"));
        } else {
            chain.doFilter(req, resp);
        }
    }

    /** Anything but the safe methods (RFC 9110 9.2.1) may change state. */
    static boolean changesState(String method) {
        return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
                || "TRACE".equals(method));
    }

    private static InetAddress address(String remote) {
        String literal = remote.startsWith("[") && remote.endsWith("]") ? remote.substring(1, remote.length() - 1)
                : remote;
        try {
            // a literal from the connection: no name look-up happens
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            // not an address (a UNIX socket connector, say): 0.0.0.0, which only 0.0.0.0/0 allows
            return unspecified();
        }
    }

    private static InetAddress unspecified() {
        try {
            return InetAddress.getByAddress(new byte[4]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String why) {
        long skipped = refusals.permit();
        if (skipped >= 0) {
            LOG.warn("HTTP {} {} from {} refused ({}): {}{}", request.getMethod(), request.getRequestURI(),
                    request.getRemoteAddr(), status, why, skipped > 0 ? " (" + skipped + " more not logged)" : "");
        }
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.setContentLength(0);
    }
}
