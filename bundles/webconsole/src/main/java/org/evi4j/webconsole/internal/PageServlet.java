package org.evi4j.webconsole.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The console's page, script and style, from the bundle, at {@code /} (the HTTP service's root lands on the console)
 * and under {@code /console/}. Served by a servlet rather than as whiteboard resources, so that both runtimes answer
 * alike and a browser revalidates by content hash after an upgrade (TOOLCHAIN G27: resources carry a 1980
 * Last-Modified). The Content-Security-Policy lets the page load nothing but its own files.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/", "/console/*"})
@HttpWhiteboardServletName("evi4j-console")
public final class PageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    private record Asset(byte[] body, String type, String etag) {
    }

    private final transient Map<String, Asset> assets = Map.of(
            "/", load("index.html", "text/html; charset=utf-8"),
            "/console/", load("index.html", "text/html; charset=utf-8"),
            "/console/index.html", load("index.html", "text/html; charset=utf-8"),
            "/console/console.js", load("console.js", "text/javascript; charset=utf-8"),
            "/console/console.css", load("console.css", "text/css; charset=utf-8"));

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Asset asset = assets.get(path.isEmpty() ? "/" : path);
        if (asset == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("ETag", asset.etag());
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (asset.etag().equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(asset.type());
        response.setContentLength(asset.body().length);
        response.getOutputStream().write(asset.body());
    }

    private static Asset load(String name, String type) {
        try (InputStream in = PageServlet.class.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("console/" + name + " missing from the bundle");
            }
            byte[] body = in.readAllBytes();
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return new Asset(body, type, '"' + HexFormat.of().formatHex(hash, 0, 12) + '"');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }
}
