/**
 * picocli commands of the topology-sim module: {@code fedp2p topology} (graphs and their spectral gap) and {@code
 * fedp2p sim} (the simulator: {@link io.fedp2p.sim.cli.SimCommand} reads the scenario, {@code SimRun} runs it and its
 * twins and writes the outputs, {@code SimProgress} reports on stderr).
 */
package io.fedp2p.sim.cli;
