/** The Event Interface's statistics as an MXBean on the platform MBean server. */
package org.evi4j.jmx.internal;
