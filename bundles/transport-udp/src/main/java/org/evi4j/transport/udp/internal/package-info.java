/** The UDP event transport ({@code udp:host:port}, {@code udp:[v6]:port}); not exported. */
package org.evi4j.transport.udp.internal;
