/** The embedded OSGi runtime: Felix, the bundles shipped inside the jar, and the {@code .cfg} folder. */
package org.evi4j.launcher.internal.runtime;
