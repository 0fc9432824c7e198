package io.fedp2p.sim.core;

import io.fedp2p.sim.scenario.Scenario;
import io.fedp2p.sim.topology.SpectralGap;
import io.fedp2p.sim.topology.Topology;
import java.util.List;
import java.util.Objects;

/**
 * What a simulation set up before its first round.
 *
 * @param scenario the scenario being run
 * @param topology the graph (node i is {@code peerIds.get(i)})
 * @param spectralGap of its Metropolis–Hastings matrix
 * @param byzantine indices of the Byzantine nodes, ascending
 * @param lateJoiners indices of the nodes absent at the start, in join order
 * @param peerIds the nodes' peer ids
 * @param dimension length of θ
 * @param backboneHash SHA-256 of the frozen backbone the task uses (hex)
 */
public record SimulationStart(
        Scenario scenario,
        Topology topology,
        SpectralGap spectralGap,
        List<Integer> byzantine,
        List<Integer> lateJoiners,
        List<String> peerIds,
        int dimension,
        String backboneHash) {
    public SimulationStart {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(spectralGap, "spectralGap");
        byzantine = List.copyOf(byzantine);
        lateJoiners = List.copyOf(lateJoiners);
        peerIds = List.copyOf(peerIds);
        Objects.requireNonNull(backboneHash, "backboneHash");
    }
}
