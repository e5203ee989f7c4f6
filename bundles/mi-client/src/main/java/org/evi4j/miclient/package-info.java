/**
 * The MI client codec: arguments to a request, a reply to text. Embedded privately by the shell bundle (bnd
 * -conditionalpackage), shaded into the launcher; never exported.
 */
package org.evi4j.miclient;
