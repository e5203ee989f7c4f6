/** The UNIX datagram event transport ({@code unix:/path}, bare {@code /path}) over junixsocket; not exported. */
package org.evi4j.transport.unix.internal;
