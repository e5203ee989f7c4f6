/** The legacy text event encoder of OpenSIPS 1.7–3.0 (SPEC section 3); not exported. */
package org.evi4j.encoder.legacy.internal;
