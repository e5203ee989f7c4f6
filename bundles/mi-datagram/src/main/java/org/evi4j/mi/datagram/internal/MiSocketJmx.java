package org.evi4j.mi.datagram.internal;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shows a socket's counters in the platform MBean server while its server runs. */
final class MiSocketJmx implements MiSocketMXBean {

    private static final Logger LOG = LoggerFactory.getLogger(MiSocketJmx.class);

    private final MiSocketStatistics counters;
    private final ObjectName name;

    private MiSocketJmx(MiSocketStatistics counters, ObjectName name) {
        this.counters = counters;
        this.name = name;
    }

    /** Registers the counters; JMX trouble is logged, never fatal to the server. */
    static MiSocketJmx register(MiSocketStatistics counters) {
        try {
            ObjectName name = new ObjectName("org.evi4j:type=MiDatagram,socket=" + ObjectName.quote(counters.socket()));
            MiSocketJmx bean = new MiSocketJmx(counters, name);
            ManagementFactory.getPlatformMBeanServer().registerMBean(bean, name);
            return bean;
        } catch (JMException e) {
            LOG.warn("MI socket {}: counters not registered in JMX: {}", counters.socket(), e.toString());
            return null;
        }
    }

    void unregister() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            server.unregisterMBean(name);
        } catch (JMException e) {
            LOG.debug("MI socket {}: JMX unregistration: {}", counters.socket(), e.toString());
        }
    }

    @Override
    public String getSocket() {
        return counters.socket();
    }

    @Override
    public long getRequests() {
        return counters.requests();
    }

    @Override
    public long getReplies() {
        return counters.replies();
    }

    @Override
    public long getRepliesDropped() {
        return counters.repliesDropped();
    }

    @Override
    public long getSourcesRefused() {
        return counters.sourcesRefused();
    }

    @Override
    public long getTruncated() {
        return counters.truncated();
    }

    @Override
    public long getErrors() {
        return counters.errors();
    }

    @Override
    public long getCommandsRefused() {
        return counters.commandsRefused();
    }
}
