package org.evi4j.webconsole.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of the console's live tail (PID {@code org.evi4j.webconsole}); all optional. A double underscore is
 * one underscore in the property name ({@code max__clients()} reads {@code max_clients}).
 */
@ObjectClassDefinition(id = TailServlet.PID, name = "evi4j web console",
        description = "The live tail of raised events and the events-per-second chart of the web console")
public @interface TailConfig {

    @AttributeDefinition(name = "Ring", description = "raised events kept for the tail (rounded up to a power of 2)")
    int tail__ring() default 256;

    @AttributeDefinition(name = "Batch", description = "most events sent to a browser per flush; more are skipped")
    int tail__batch() default 25;

    @AttributeDefinition(name = "Flush interval", description = "milliseconds between two flushes to the browsers")
    int flush__interval__ms() default 250;

    @AttributeDefinition(name = "Clients", description = "live tails open at once; more get 503")
    int max__clients() default 8;

    @AttributeDefinition(name = "Slow client", description = "milliseconds a browser may not read before it is dropped")
    int slow__client__ms() default 10_000;

    @AttributeDefinition(name = "Chart", description = "seconds of events per second the chart keeps")
    int chart__seconds() default 300;
}
