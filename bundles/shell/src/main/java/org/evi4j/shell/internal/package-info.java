/** Karaf shell commands of the {@code evi} scope: events, subscribers, raising, statistics and MI. */
package org.evi4j.shell.internal;
