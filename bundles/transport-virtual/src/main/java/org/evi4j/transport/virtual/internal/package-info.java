/** The virtual (composite) event transport ({@code virtual:POLICY socket socket ...}); not exported. */
package org.evi4j.transport.virtual.internal;
