/** The Prometheus metrics servlet: not exported. */
package org.evi4j.metrics.internal;
