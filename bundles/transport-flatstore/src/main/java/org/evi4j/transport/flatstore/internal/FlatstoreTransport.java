package org.evi4j.transport.flatstore.internal;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.evi4j.spi.DeliveryReport;
import org.evi4j.spi.Destination;
import org.evi4j.spi.EventTransport;
import org.evi4j.spi.OutgoingEvent;
import org.evi4j.spi.SendResult;
import org.evi4j.support.AllowedFolders;
import org.evi4j.support.RuntimeFolder;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends events as lines to files for {@code flatstore:} subscribers, as OpenSIPS event_flatstore does. A send
 * builds the subscriber's line from the event, hands it to the writer thread and answers {@link SendResult#PENDING};
 * the writer tells the subscriber's {@link DeliveryReport} whether it reached the file. Destinations of one real
 * path share one file, opened at the first event and closed when the last of them is released or at a rotation.
 */
@Component(service = {EventTransport.class, FlatstoreTransport.class}, configurationPid = FlatstoreTransport.PID,
        property = EventTransport.SCHEME_PROPERTY + "=flatstore")
@Designate(ocd = FlatstoreTransportConfig.class)
public final class FlatstoreTransport implements EventTransport {

    /** The configuration PID. */
    static final String PID = "org.evi4j.transport.flatstore";

    private static final Logger LOG = LoggerFactory.getLogger(FlatstoreTransport.class);
    private static final long STOP_WAIT_MS = 5000;
    private static final SendResult STOPPED = SendResult.failed("flatstore transport stopped");
    private static final SendResult RELEASED = SendResult.failed("flatstore destination released");
    private static final SendResult FOREIGN = SendResult.failed("not a destination of the flatstore transport");
    private static final SendResult NO_BYTES = SendResult.failed("flatstore writes lines built from events, "
            + "not encoded bytes");

    private final FlatSettings settings;
    private final LineFormat format;
    private final FlatPathParser parser;
    private final FlatWriter writer;
    /** Guards itself, {@link #users} and {@link #closed}. */
    private final Map<Path, FlatFile> files = new HashMap<>();
    private final Map<FlatFile, Set<FlatDestination>> users = new HashMap<>();
    private boolean closed;

    @Activate
    public FlatstoreTransport(FlatstoreTransportConfig config, BundleContext context) {
        this(FlatSettings.of(config, RuntimeFolder.of(context, "flatstore", false)));
    }

    /** A transport with checked settings: for tests, benchmarks and embedding outside a framework. */
    public FlatstoreTransport(FlatstoreTransportConfig config, Path defaultFolder) {
        this(FlatSettings.of(config, defaultFolder));
    }

    FlatstoreTransport(FlatSettings settings) {
        this.settings = settings;
        this.format = new LineFormat(settings);
        this.parser = new FlatPathParser(new AllowedFolders(settings.allowedFolders()));
        this.writer = new FlatWriter(settings.queueBytes());
        writer.start();
        LOG.debug("flatstore transport active ({})", settings);
    }

    @Deactivate
    public void deactivate() throws InterruptedException {
        synchronized (files) {
            closed = true;
            files.clear();
            users.clear();
        }
        writer.stop(STOP_WAIT_MS);
        LOG.debug("flatstore transport stopped");
    }

    @Override
    public Destination parse(String address) {
        return parse(address, DeliveryReport.NONE);
    }

    @Override
    public Destination parse(String address, DeliveryReport report) {
        Path real = parser.realPath(address);
        synchronized (files) {
            if (!files.containsKey(real) && files.size() >= settings.maxOpenFiles()) {
                throw new IllegalArgumentException("too many files in use (max_open_sockets "
                        + settings.maxOpenFiles() + ")");
            }
        }
        return new FlatDestination(address, real, Objects.requireNonNull(report, "report"));
    }

    /** Bytes cannot be turned back into a line: only the event form is served. */
    @Override
    public SendResult send(Destination destination, ByteBuffer payload) {
        return destination instanceof FlatDestination ? NO_BYTES : FOREIGN;
    }

    @Override
    public SendResult send(Destination destination, OutgoingEvent outgoing) {
        if (!(destination instanceof FlatDestination)) {
            return FOREIGN;
        }
        FlatDestination flat = (FlatDestination) destination;
        FlatFile file = fileOf(flat);
        if (file == null) {
            return flat.released() ? RELEASED : closed() ? STOPPED : SendResult.failed("too many files in use "
                    + "(max_open_sockets " + settings.maxOpenFiles() + ")");
        }
        byte[] line = format.line(outgoing.event());
        if (!writer.offer(file, line, flat.report())) {
            return SendResult.dropped("flatstore queue full (" + settings.queueBytes() + " bytes waiting)");
        }
        return SendResult.PENDING;
    }

    private boolean closed() {
        synchronized (files) {
            return closed;
        }
    }

    private FlatFile fileOf(FlatDestination destination) {
        FlatFile file = destination.link();
        if (file != null && !destination.released()) {
            return file;
        }
        synchronized (files) {
            if (closed || destination.released()) {
                return null;
            }
            if (destination.link() == null) {
                file = files.get(destination.realPath());
                if (file == null) {
                    if (files.size() >= settings.maxOpenFiles()) {
                        return null;
                    }
                    file = new FlatFile(destination.realPath(), settings.permissions());
                    files.put(destination.realPath(), file);
                }
                users.computeIfAbsent(file, f -> new HashSet<>()).add(destination);
                destination.link(file);
            }
            return destination.link();
        }
    }

    @Override
    public void release(Destination destination) {
        if (!(destination instanceof FlatDestination)) {
            return;
        }
        FlatDestination flat = (FlatDestination) destination;
        synchronized (files) {
            flat.release();
            FlatFile file = flat.link();
            Set<FlatDestination> using = file == null ? null : users.get(file);
            if (using != null && using.remove(flat) && using.isEmpty()) {
                users.remove(file);
                files.remove(file.path(), file);
                writer.close(file);
            }
        }
    }

    /**
     * Closes the files of a path after the lines raised before, as {@code evi_flat_rotate} does: the next event
     * opens (and creates) the path again. Matches the path as subscribers wrote it, or its real location.
     *
     * @return whether some subscriber's file has this path
     */
    public boolean rotate(String path) {
        synchronized (files) {
            boolean found = false;
            for (Map.Entry<FlatFile, Set<FlatDestination>> entry : users.entrySet()) {
                if (matches(entry.getKey(), entry.getValue(), path)) {
                    writer.close(entry.getKey());
                    found = true;
                }
            }
            return found;
        }
    }

    private static boolean matches(FlatFile file, Set<FlatDestination> using, String path) {
        if (file.path().toString().equals(path)) {
            return true;
        }
        return using.stream().anyMatch(destination -> destination.address().equals(path));
    }

    /** Bytes of lines waiting for the writer, for tests and management. */
    public long queuedBytes() {
        return writer.queuedBytes();
    }
}
