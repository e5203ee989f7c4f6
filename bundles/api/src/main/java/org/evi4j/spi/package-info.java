/**
 * Extension points of the Event Interface: transports that carry encoded events to subscribers, and encoders
 * that turn events into bytes. Register implementations as OSGi services with the service property
 * {@value org.evi4j.spi.EventTransport#SCHEME_PROPERTY} or {@value org.evi4j.spi.EventEncoder#NAME_PROPERTY}.
 */
@Export
@Version("1.2.0")
package org.evi4j.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
