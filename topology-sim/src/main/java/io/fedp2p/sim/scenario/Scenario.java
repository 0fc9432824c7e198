package io.fedp2p.sim.scenario;

import io.fedp2p.robustness.defence.DefenceSpec;
import io.fedp2p.sim.network.NetworkSettings;
import io.fedp2p.sim.topology.TopologySpec;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything one simulation run needs, validated (read it with {@link ScenarioReader}). Two runs of the same scenario
 * give byte-identical results.
 *
 * @param name a label for charts and logs
 * @param seed every random choice of the run derives from it
 * @param nodes n
 * @param rounds T ≥ 1
 * @param topology the graph the nodes are linked by
 * @param task what they learn
 * @param learning DFedSAM-MGS settings
 * @param defence the defence every honest node runs
 * @param defenceText its text form as given
 * @param adversary the Byzantine nodes
 * @param network latency, bandwidth, loss
 * @param compute virtual training times
 * @param churn crash, leave and join events
 * @param evaluation when honest models are evaluated
 * @param twins twin runs to compare against
 * @param targetAccuracy report the first round whose honest mean accuracy reaches this (NaN = none)
 * @param maxVirtualTime stop the run at this virtual time even if rounds remain
 */
public record Scenario(
        String name,
        long seed,
        int nodes,
        int rounds,
        TopologySpec topology,
        TaskSettings task,
        LearningSettings learning,
        DefenceSpec defence,
        String defenceText,
        AdversarySettings adversary,
        NetworkSettings network,
        ComputeSettings compute,
        List<ChurnEvent> churn,
        EvaluationSettings evaluation,
        List<Twin> twins,
        double targetAccuracy,
        Duration maxVirtualTime) {
    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(learning, "learning");
        Objects.requireNonNull(defence, "defence");
        Objects.requireNonNull(defenceText, "defenceText");
        Objects.requireNonNull(adversary, "adversary");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(compute, "compute");
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(maxVirtualTime, "maxVirtualTime");
        churn = List.copyOf(churn);
        twins = List.copyOf(twins);
        if (nodes < 2) throw new ScenarioException("nodes", "must be >= 2, got " + nodes);
        if (rounds < 1) throw new ScenarioException("rounds", "must be >= 1, got " + rounds);
        if (adversary.byzantine() >= nodes) {
            throw new ScenarioException("byzantine", "must leave at least one honest node (nodes = " + nodes + ")");
        }
        if (!adversary.attack().name().equals("none") && adversary.byzantine() == 0) {
            throw new ScenarioException(
                    "byzantine", "attack " + adversary.attack().name() + " needs byzantine >= 1");
        }
        if (twins.contains(Twin.NO_ATTACK) && adversary.byzantine() == 0) {
            throw new ScenarioException("twins", "no-attack needs Byzantine nodes to compare against");
        }
        if (!Double.isNaN(targetAccuracy) && !(targetAccuracy > 0 && targetAccuracy <= 1)) {
            throw new ScenarioException("target-accuracy", "must be in (0, 1]");
        }
        int joins = 0;
        for (ChurnEvent e : churn) if (e.kind() == ChurnEvent.Kind.JOIN) joins += e.count();
        if (joins > nodes - adversary.byzantine() - 1) {
            throw new ScenarioException(
                    "churn", joins + " joins: at least one honest node must be present from the start");
        }
    }

    /** The twin in which the Byzantine nodes follow the protocol. */
    public Scenario withoutAttack() {
        return new Scenario(
                name,
                seed,
                nodes,
                rounds,
                topology,
                task,
                learning,
                defence,
                defenceText,
                adversary.withoutAttack(),
                network,
                compute,
                churn,
                evaluation,
                List.of(),
                targetAccuracy,
                maxVirtualTime);
    }

    /** The twin with plain Metropolis mixing ({@code mean}) instead of the defence. */
    public Scenario withoutDefence() {
        return new Scenario(
                name,
                seed,
                nodes,
                rounds,
                topology,
                task,
                learning,
                DefenceSpec.parse("mean"),
                "mean",
                adversary,
                network,
                compute,
                churn,
                evaluation,
                List.of(),
                targetAccuracy,
                maxVirtualTime);
    }

    /** The twin of the given kind. */
    public Scenario twin(Twin t) {
        return t == Twin.NO_ATTACK ? withoutAttack() : withoutDefence();
    }

    /** Nodes absent at the start (the late joiners of the churn events). */
    public int lateJoiners() {
        int joins = 0;
        for (ChurnEvent e : churn) if (e.kind() == ChurnEvent.Kind.JOIN) joins += e.count();
        return joins;
    }
}
