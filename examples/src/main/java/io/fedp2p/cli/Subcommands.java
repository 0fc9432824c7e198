package io.fedp2p.cli;

import java.util.List;

/**
 * The subcommands of {@code fedp2p}, in the order {@code --help} lists them. Each module owns its commands
 * (gossip: identity and wire diagnostics; robustness: aggregate; node: pretrain, train, node; topology-sim:
 * topology, sim; examples: attack-matrix, demo); this list only registers them.
 */
final class Subcommands {
    private Subcommands() {}

    static List<Object> all() {
        return List.of(
                // gossip: identity and wire diagnostics
                new io.fedp2p.gossip.cli.KeygenCommand(),
                new io.fedp2p.gossip.cli.IdCommand(),
                new io.fedp2p.gossip.cli.ListenCommand(),
                new io.fedp2p.gossip.cli.PingCommand(),
                new io.fedp2p.gossip.cli.PerfCommand(),
                // robustness
                new io.fedp2p.robustness.cli.AggregateCommand(),
                // node
                new io.fedp2p.node.cli.PretrainCommand(),
                new io.fedp2p.node.cli.TrainCommand(),
                new io.fedp2p.node.cli.PartitionCommand(),
                new io.fedp2p.node.cli.NodeCommand(),
                new io.fedp2p.node.cli.DashboardCommand(),
                // topology-sim
                new io.fedp2p.sim.cli.TopologyCommand(),
                new io.fedp2p.sim.cli.SimCommand(),
                // examples
                new io.fedp2p.examples.cli.AttackMatrixCommand(),
                new io.fedp2p.examples.cli.DemoCommand(),
                new io.fedp2p.examples.cli.RelayCommand());
    }
}
