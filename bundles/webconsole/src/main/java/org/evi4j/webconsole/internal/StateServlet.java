package org.evi4j.webconsole.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.evi4j.api.EventInfo;
import org.evi4j.api.EventInterface;
import org.evi4j.api.UnknownEventException;
import org.evi4j.mi.MiEndpointStatistics;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /console/state}: what the console's tables show, read fresh: every published event with its counter
 * and live subscribers (sockets as the Event Interface lists them, secrets left out there), and the MI endpoints'
 * counters. Read-only; changes go through the MI at {@code POST /mi}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/console/state")
@HttpWhiteboardServletName("evi4j-console-state")
public final class StateServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventInterface evi;

    @Reference(service = MiEndpointStatistics.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private final transient List<MiEndpointStatistics> endpoints = new CopyOnWriteArrayList<>();

    private final transient ConsoleJson json = new ConsoleJson();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<MiEndpointStatistics> sockets = new ArrayList<>(endpoints);
        sockets.sort(Comparator.comparing(MiEndpointStatistics::socket));
        byte[] body = json.state(System.currentTimeMillis(), rows(evi), sockets);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Every event with its subscribers; {@code null} without an Event Interface. */
    private static List<ConsoleJson.EventRow> rows(EventInterface evi) {
        if (evi == null) {
            return null;
        }
        List<ConsoleJson.EventRow> rows = new ArrayList<>();
        for (EventInfo event : evi.events()) {
            try {
                rows.add(new ConsoleJson.EventRow(event, evi.subscribers(event.name())));
            } catch (UnknownEventException e) {
                rows.add(new ConsoleJson.EventRow(event, List.of())); // unpublished meanwhile
            }
        }
        return rows;
    }
}
