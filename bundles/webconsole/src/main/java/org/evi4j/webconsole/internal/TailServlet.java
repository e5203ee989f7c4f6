package org.evi4j.webconsole.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.servlet.AsyncContext;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.evi4j.api.Event;
import org.evi4j.api.EventInterface;
import org.evi4j.spi.EventListener;
import org.evi4j.support.LogLimiter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /console/events}: the live tail as server-sent events. Raised events reach it in-process
 * ({@link EventListener}) and go into a bounded ring; one thread of this component flushes a sample of the ring to
 * every open browser a few times a second ({@code event: raised}) and the events per second once a second
 * ({@code event: rates}, after the whole chart history as the first message). Raising never waits for a browser.
 */
@Component(service = {Servlet.class, EventListener.class}, configurationPid = TailServlet.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = TailConfig.class)
@HttpWhiteboardServletPattern("/console/events")
@HttpWhiteboardServletName("evi4j-console-events")
@HttpWhiteboardServletAsyncSupported
public final class TailServlet extends HttpServlet implements EventListener {
    static final String PID = "org.evi4j.webconsole";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TailServlet.class);
    /** Tells the browser to reconnect after 2 s when the stream ends (a restart, a dropped slow client). */
    private static final byte[] GREETING = "retry: 2000\n\n".getBytes(StandardCharsets.US_ASCII);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventInterface evi;

    private final transient TailConfig config;
    private final transient EventRing ring;
    private final transient RateHistory rates;
    private final transient ConsoleJson json = new ConsoleJson();
    private final transient List<SseClient> clients = new CopyOnWriteArrayList<>();
    private final transient ScheduledExecutorService flusher;
    private final transient LogLimiter flushFailures = new LogLimiter(1, TimeUnit.MINUTES);
    private transient long lastSecond;

    @Activate
    public TailServlet(TailConfig config) {
        this.config = config;
        this.ring = new EventRing(Math.max(2, config.tail__ring()));
        this.rates = new RateHistory(Math.max(1, config.chart__seconds()));
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "evi4j-console-tail");
            thread.setDaemon(true);
            return thread;
        });
        int interval = Math.max(20, config.flush__interval__ms());
        flusher.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        flusher.shutdownNow();
        flusher.awaitTermination(5, TimeUnit.SECONDS);
        clients.forEach(SseClient::close);
        clients.clear();
    }

    @Override
    public void eventRaised(Event event) {
        ring.add(event, System.currentTimeMillis());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        clients.removeIf(SseClient::closed);
        if (clients.size() >= config.max__clients()) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "too many live tails open");
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        // the last batch raised before the browser came, so the tail does not open empty
        long from = Math.max(0, ring.head() - Math.max(1, config.tail__batch()));
        SseClient client = new SseClient(async, response.getOutputStream(), from);
        async.addListener(new Closer(client));
        response.getOutputStream().setWriteListener(client);
        clients.add(client);
    }

    /** The flushing thread's work: never throws, so the schedule goes on. */
    private void tick() {
        try {
            long now = System.currentTimeMillis();
            byte[] second = null;
            EventInterface current = evi;
            if (current != null && now / 1000 != lastSecond) {
                lastSecond = now / 1000;
                second = message("rates", json.rates(List.of(rates.sample(lastSecond, current.events()))));
            }
            for (SseClient client : clients) {
                flush(client, now, second);
            }
        } catch (RuntimeException e) {
            long skipped = flushFailures.permit();
            if (skipped >= 0) {
                LOG.warn("console live tail: a flush failed ({} more since the last line)", skipped, e);
            }
        }
    }

    private void flush(SseClient client, long now, byte[] second) {
        if (client.lost(now, config.slow__client__ms())) {
            client.close();
            clients.remove(client);
            return;
        }
        if (!client.ready(now)) {
            return; // not reading: it misses this flush, the ring moves on (counted as skipped later)
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!client.greeted()) {
            out.writeBytes(GREETING);
            out.writeBytes(message("rates", json.rates(rates.all())));
            client.markGreeted();
        } else if (second != null) {
            out.writeBytes(second);
        }
        EventRing.Batch batch = ring.since(client.cursor(), Math.max(1, config.tail__batch()));
        client.advance(batch.next());
        if (!batch.events().isEmpty() || batch.skipped() > 0) {
            out.writeBytes(message("raised", json.tail(batch)));
        }
        if (out.size() > 0) {
            client.send(out.toByteArray());
        }
    }

    private static byte[] message(String event, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 32);
        out.writeBytes(("event: " + event + "\ndata: ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data); // compact JSON: no raw newline inside
        out.writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Marks a client closed when the container ends its response (browser gone, error). */
    private static final class Closer implements AsyncListener {
        private final SseClient client;

        Closer(SseClient client) {
            this.client = client;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            client.onError(null);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            client.close();
        }

        @Override
        public void onError(AsyncEvent event) {
            client.close();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not restarted
        }
    }
}
