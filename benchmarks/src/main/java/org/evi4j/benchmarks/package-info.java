/** JMH benchmarks of the evi4j hot paths; run from {@code benchmarks/target/benchmarks.jar}. */
package org.evi4j.benchmarks;
