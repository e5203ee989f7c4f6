/** The TCP stream event transport ({@code tcp:host:port[/method]}, OpenSIPS event_stream); not exported. */
package org.evi4j.transport.tcp.internal;
