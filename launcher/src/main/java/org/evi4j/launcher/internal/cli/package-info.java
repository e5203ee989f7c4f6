/** The command-line client: {@code mi} (one MI request) and {@code listen} (an event listener). */
package org.evi4j.launcher.internal.cli;
