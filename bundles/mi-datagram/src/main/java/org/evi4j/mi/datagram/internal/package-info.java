/** The MI datagram server: one UDP or UNIX datagram socket per factory configuration, feeding the MI dispatcher. */
package org.evi4j.mi.datagram.internal;
