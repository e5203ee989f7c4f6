package org.evi4j.spi;

import org.evi4j.api.Event;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Sees every raised event inside the JVM, before encoding: for bridges (such as OSGi EventAdmin) that need the
 * event itself rather than a datagram. Register it as a service; the core calls every listener from the raising
 * thread, so a listener must return quickly and hand work off rather than block. An exception it throws is logged
 * and does not reach the producer.
 */
@ConsumerType
public interface EventListener {

    /** Called once for every raised event, whether or not it has subscribers. */
    void eventRaised(Event event);
}
