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
                new io.fedp2p.node.cli.PretrainCommand(),
                new io.fedp2p.node.cli.TrainCommand(),
                new io.fedp2p.node.cli.PartitionCommand());
    }
}
