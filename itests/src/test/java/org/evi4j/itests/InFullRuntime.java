package org.evi4j.itests;

import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.IOException;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A test in a Felix with every evi4j bundle: it starts once the transports, encoders and MI commands are
 * registered, with a short-named temporary folder for its UNIX sockets (removed afterwards).
 */
abstract class InFullRuntime {

    @Inject
    BundleContext context;

    @Inject
    ConfigurationAdmin configurationAdmin;

    TempSockets temp;

    @Configuration
    public Option[] config() {
        return options(EviOptions.runtime(), EviOptions.evi4j(EviOptions.ALL));
    }

    @Before
    public final void awaitRuntime() throws IOException {
        FullRuntime.await(context);
        temp = new TempSockets();
    }

    @After
    public final void removeTemp() throws IOException {
        if (temp != null) {
            temp.close();
        }
    }
}
