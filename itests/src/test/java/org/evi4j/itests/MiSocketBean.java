package org.evi4j.itests;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.ObjectName;

/** The JMX counters of one MI socket: {@code org.evi4j:type=MiDatagram,socket="<socket_name>"}. */
final class MiSocketBean {

    private final ObjectName name;

    MiSocketBean(String socketName) throws JMException {
        this.name = new ObjectName("org.evi4j:type=MiDatagram,socket=" + ObjectName.quote(socketName));
    }

    /** An attribute: {@code Requests}, {@code Replies}, {@code RepliesDropped}, {@code Errors}, ... */
    long get(String attribute) {
        try {
            return ((Number) ManagementFactory.getPlatformMBeanServer().getAttribute(name, attribute)).longValue();
        } catch (JMException e) {
            throw new AssertionError("MBean " + name + " attribute " + attribute, e);
        }
    }
}
