/**
 * The Event Interface: producers publish named events and raise them with ordered parameters; subscribers are
 * sockets that receive every raised event, encoded, until their subscription expires.
 */
@Export
@Version("1.2.0")
package org.evi4j.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
