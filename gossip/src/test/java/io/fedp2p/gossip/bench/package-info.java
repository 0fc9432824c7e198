/** Benchmarks of the wire stack (JMH and small mains); BENCHMARKS.md lists the commands and figures. */
package io.fedp2p.gossip.bench;
