package io.fedp2p.examples.demo;

import io.fedp2p.node.runtime.TaskChoice;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything {@code fedp2p demo} runs with (validated).
 *
 * @param peers n, the number of peers
 * @param byzantine how many of them attack
 * @param rounds rounds of each run
 * @param attack the attackers' attack (CLI.md name; local-knowledge attacks only, as on real sockets)
 * @param defence the defence of the main run (the no-attack twin uses it too; the no-defence twin uses {@code mean})
 * @param topology the fixed topology, in {@code fedp2p topology}'s spec form
 * @param partition how the training pool is split among peers
 * @param localSteps K; 0 = one local epoch
 * @param gossipSteps Q
 * @param seed every random choice: keys, topology, Byzantine placement, partition, training
 * @param trainImages the first this many Fashion-MNIST training images are used (the first 10,000 are the public
 *     split the backbone was pretrained on, the last 1,000 of the rest the validation pool; the peers share the
 *     others)
 * @param testImages the first this many test images measure accuracy
 * @param twins also run the no-defence and no-attack twins
 * @param dataDir Fashion-MNIST directory, or null for the Debian package's
 * @param backbone a backbone file, or null for the cached transfer-setting backbone (pretrained on first use)
 * @param cacheDir where that backbone is cached, or null for the default
 * @param out output directory
 * @param task {@code fashion-mnist} (the default) or {@code fortunes-topic} with its encoder; for fortunes-topic the
 *     image counts, backbone and cache are ignored, the peers share the 3,754 training fortunes and accuracy is
 *     measured on the held-out 999
 */
public record DemoSettings(
        int peers,
        int byzantine,
        int rounds,
        String attack,
        String defence,
        String topology,
        String partition,
        int localSteps,
        int gossipSteps,
        long seed,
        int trainImages,
        int testImages,
        boolean twins,
        Path dataDir,
        Path backbone,
        Path cacheDir,
        Path out,
        TaskChoice task) {
    public DemoSettings {
        Objects.requireNonNull(attack, "attack");
        Objects.requireNonNull(defence, "defence");
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(task, "task");
        require(peers >= 3 && peers <= 64, "peers must be in 3..64, got " + peers);
        require(byzantine >= 0 && byzantine <= peers - 2, "byzantine must be in 0.." + (peers - 2));
        require(rounds >= 1 && rounds <= 1000, "rounds must be in 1..1000");
        require(localSteps >= 0, "local-steps must be >= 0 (0 = one local epoch)");
        require(gossipSteps >= 1, "gossip-steps must be >= 1");
        require(
                task.isTopic() || trainImages >= 12_000,
                "train-images must be >= 12000 (10,000 public, 1,000 validation, the rest)");
        require(testImages >= 100, "test-images must be >= 100");
        require(!attack.equals("none") || byzantine == 0 || !twins, "attack none has no no-attack twin");
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }

    // SPEC-GAP: the issue fixes about 8 peers, 2 Byzantine, a small-world topology, Fashion-MNIST and about 10 rounds;
    // the rest is fedp2p's choice: sign flipping (s = 1, a local-knowledge attack real peers can run), Dirichlet 1.0,
    // K = 20, and the first 30,000 training images (so the feature cache fits the 5-minute budget on 2 cores).
    /** 8 peers, 2 Byzantine, 10 rounds, small-world, the full pipeline, with both twins. */
    public static DemoSettings defaults(Path out) {
        return new DemoSettings(
                8,
                2,
                10,
                "sign-flip",
                "pipeline",
                "small-world:4:0.2",
                "dirichlet:1.0",
                20,
                4,
                1,
                30_000,
                10_000,
                true,
                null,
                null,
                null,
                out,
                TaskChoice.DEFAULT);
    }
}
