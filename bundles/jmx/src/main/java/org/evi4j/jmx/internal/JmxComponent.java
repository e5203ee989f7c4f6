package org.evi4j.jmx.internal;

import java.lang.management.ManagementFactory;

import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import org.evi4j.api.EventInterface;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the Event Interface's statistics with the platform MBean server (so it works in Karaf and in plain
 * Felix alike) while the Event Interface is there, and unregisters them on deactivation.
 */
@Component(service = {}, immediate = true)
public final class JmxComponent {

    /** Where the MXBean is registered. */
    static final String OBJECT_NAME = "org.evi4j:type=EventInterface";
    private static final Logger LOG = LoggerFactory.getLogger(JmxComponent.class);

    private final MBeanServer server;
    private final ObjectName name;
    private final boolean registered;

    @Activate
    public JmxComponent(@Reference EventInterface evi) {
        this(evi, ManagementFactory.getPlatformMBeanServer());
    }

    JmxComponent(EventInterface evi, MBeanServer server) {
        this.server = server;
        this.name = objectName();
        this.registered = register(new EventInterfaceStatistics(evi));
    }

    @Deactivate
    void deactivate() {
        if (!registered) {
            return;
        }
        try {
            server.unregisterMBean(name);
            LOG.debug("unregistered {}", name);
        } catch (InstanceNotFoundException e) {
            LOG.debug("{} was already unregistered", name);
        } catch (JMException e) {
            LOG.warn("could not unregister {}: {}", name, e.toString());
        }
    }

    private boolean register(EventInterfaceStatistics statistics) {
        try {
            server.registerMBean(new StandardMBean(statistics, EventInterfaceMXBean.class, true), name);
            LOG.debug("registered {}", name);
            return true;
        } catch (InstanceAlreadyExistsException e) {
            LOG.warn("{} is registered already (another evi4j in this JVM?); statistics not exposed", name);
        } catch (JMException e) {
            LOG.warn("could not register {}: {}", name, e.toString());
        }
        return false;
    }

    private static ObjectName objectName() {
        try {
            return new ObjectName(OBJECT_NAME);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }
}
