/** The Event Interface service: event registry, subscriptions with expiry, dispatch, statistics, persistence. */
package org.evi4j.core.internal;
