/** The flatstore event transport ({@code flatstore:/path}, OpenSIPS event_flatstore); not exported. */
package org.evi4j.transport.flatstore.internal;
