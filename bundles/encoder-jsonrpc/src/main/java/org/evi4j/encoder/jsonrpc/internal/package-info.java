/** The JSON-RPC 2.0 event encoder (SPEC section 2); not exported. */
package org.evi4j.encoder.jsonrpc.internal;
