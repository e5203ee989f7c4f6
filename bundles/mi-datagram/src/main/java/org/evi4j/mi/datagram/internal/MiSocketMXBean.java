package org.evi4j.mi.datagram.internal;

/**
 * The counters of one MI datagram socket in JMX, as {@code org.evi4j:type=MiDatagram,socket="<socket>"}.
 */
public interface MiSocketMXBean {

    String getSocket();

    long getRequests();

    long getReplies();

    long getRepliesDropped();

    long getSourcesRefused();

    long getTruncated();

    long getErrors();

    long getCommandsRefused();
}
