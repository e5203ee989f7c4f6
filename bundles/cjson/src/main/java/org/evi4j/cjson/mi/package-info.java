/** MI values to and from cJSON-compatible JSON; embedded privately (bnd -conditionalpackage) by the MI bundles. */
package org.evi4j.cjson.mi;
