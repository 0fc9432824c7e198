package io.fedp2p.node.runtime;

import com.google.protobuf.ByteString;
import io.fedp2p.gossip.protocol.GossipConfig;
import io.fedp2p.node.engine.ExchangeSetting;
import io.fedp2p.node.train.Task;

/**
 * The adapter hash that gossip headers carry (ALGORITHMS.md §0.1), shared by {@code fedp2p node} and the simulator:
 * SHA-256 over the adapter spec, the parameter layout, the seed of the frozen matrices, the Fed-SB factors' hash when
 * the adapter is {@code fed-sb} (§7.5 #2) and the exchange mode when it is not {@code float} (§3.9a). Two nodes
 * gossip only when all agree; a mismatch is refused by the receiving inbox as "message for another adapter setup".
 */
public final class AdapterHash {
    private AdapterHash() {}

    /** The text that is hashed (for logs and tests). */
    public static String describe(Task task, long seed, ExchangeSetting mode) {
        return task.adapterSpec().describe()
                + "|seed=" + seed
                + "|" + task.layout().describe()
                + task.fedSbFactorsHash().map(h -> "|fedsb=" + h).orElse("")
                + mode.hashSuffix();
    }

    /** The 32-byte hash of {@link #describe}. */
    public static ByteString of(Task task, long seed, ExchangeSetting mode) {
        return GossipConfig.sha256(describe(task, seed, mode));
    }
}
