/** picocli commands of the topology-sim module: {@code fedp2p topology} (and, later, {@code fedp2p sim}). */
package io.fedp2p.sim.cli;
