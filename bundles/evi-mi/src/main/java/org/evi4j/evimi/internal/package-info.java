/** The Event Interface MI commands (event_subscribe, events_list, subscribers_list, raise_event); not exported. */
package org.evi4j.evimi.internal;
