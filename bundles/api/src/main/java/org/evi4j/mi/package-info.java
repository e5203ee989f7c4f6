/**
 * The Management Interface: commands (a whiteboard of {@link org.evi4j.mi.MiCommand} services), their parameters
 * and results, and the dispatcher that MI servers hand request datagrams to.
 */
@Export
@Version("2.1.0")
package org.evi4j.mi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
