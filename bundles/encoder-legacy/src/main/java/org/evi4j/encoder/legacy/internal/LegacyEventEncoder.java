package org.evi4j.encoder.legacy.internal;

import org.evi4j.api.Event;
import org.evi4j.spi.EventEncoder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes events in the text form of OpenSIPS 1.7–3.0's {@code event_datagram}: the event name, one
 * {@code [name::]value} line per parameter, an empty line (SPEC section 3).
 */
@Component(service = EventEncoder.class, property = EventEncoder.NAME_PROPERTY + "=" + LegacyEventEncoder.NAME)
public final class LegacyEventEncoder implements EventEncoder {

    /** The encoder's name, the value of {@link EventEncoder#NAME_PROPERTY}. */
    public static final String NAME = "legacy";

    private static final Logger LOG = LoggerFactory.getLogger(LegacyEventEncoder.class);

    // one buffer per raising thread: encoding then allocates only the returned array
    private final ThreadLocal<LegacyWriter> writers = ThreadLocal.withInitial(LegacyWriter::new);

    @Override
    public byte[] encode(Event event) {
        return writers.get().write(event);
    }

    @Activate
    void activate() {
        LOG.debug("legacy event encoder activated");
    }

    @Deactivate
    void deactivate() {
        // other threads' writers go with this instance's ThreadLocal, once it is collected
        writers.remove();
        LOG.debug("legacy event encoder deactivated");
    }
}
