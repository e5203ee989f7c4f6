/** The MI dispatcher (JSON-RPC 2.0 and legacy text codecs, the command whiteboard) and the core MI commands. */
package org.evi4j.mi.internal;
