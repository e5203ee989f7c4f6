/** The MI over HTTP and the HTTP guard: not exported. */
package org.evi4j.mi.http.internal;
