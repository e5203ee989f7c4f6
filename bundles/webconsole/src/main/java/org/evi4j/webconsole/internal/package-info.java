/** The web console: page, state snapshot and live tail servlets. Not exported. */
package org.evi4j.webconsole.internal;
