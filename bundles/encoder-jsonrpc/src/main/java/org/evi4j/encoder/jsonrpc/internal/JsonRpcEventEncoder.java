package org.evi4j.encoder.jsonrpc.internal;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.evi4j.api.Event;
import org.evi4j.cjson.CJson;
import org.evi4j.cjson.JsonRpcEventWriter;
import org.evi4j.spi.EventEncoder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonFactory;

/**
 * Encodes events as OpenSIPS 3.1.1+ does: a JSON-RPC 2.0 notification without {@code id}, in cJSON's bytes
 * (SPEC section 2).
 */
@Component(service = EventEncoder.class, property = EventEncoder.NAME_PROPERTY + "=" + JsonRpcEventEncoder.NAME)
public final class JsonRpcEventEncoder implements EventEncoder {

    /** The encoder's name, the value of {@link EventEncoder#NAME_PROPERTY}. */
    public static final String NAME = "jsonrpc";

    private static final Logger LOG = LoggerFactory.getLogger(JsonRpcEventEncoder.class);

    // one open generator per raising thread: encoding then allocates only the returned array
    private final ThreadLocal<JsonRpcEventWriter> writers;

    public JsonRpcEventEncoder() {
        this(CJson.factory());
    }

    JsonRpcEventEncoder(JsonFactory factory) {
        writers = ThreadLocal.withInitial(() -> new JsonRpcEventWriter(factory));
    }

    @Override
    public byte[] encode(Event event) {
        JsonRpcEventWriter writer = writers.get();
        boolean written = false;
        try {
            byte[] datagram = writer.write(event);
            written = true;
            return datagram;
        } catch (IOException e) {
            // only a bug can get here: the sink is memory
            LOG.warn("cannot encode event {} as JSON-RPC", event.name(), e);
            throw new UncheckedIOException("cannot encode event " + event.name(), e);
        } finally {
            if (!written) {
                // a generator left inside an object would corrupt this thread's next event
                writers.remove();
            }
        }
    }

    @Activate
    void activate() {
        LOG.debug("JSON-RPC event encoder activated");
    }

    @Deactivate
    void deactivate() {
        // other threads' writers go with this instance's ThreadLocal, once it is collected
        writers.remove();
        LOG.debug("JSON-RPC event encoder deactivated");
    }
}
