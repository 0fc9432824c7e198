/**
 * {@code fedp2p sim --serve}: the node module's web dashboard fed by a running simulation ({@link
 * io.fedp2p.sim.dashboard.SimDashboard}), the topology file a finished run is replayed from ({@link
 * io.fedp2p.sim.dashboard.TopologyFileWriter}), and the serving options ({@link io.fedp2p.sim.dashboard.SimServe}).
 */
package io.fedp2p.sim.dashboard;
