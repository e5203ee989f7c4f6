/** The bridge between OSGi EventAdmin and the Event Interface, both ways. */
package org.evi4j.eventadmin.internal;
