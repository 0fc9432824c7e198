package io.fedp2p.node.engine;

import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.robustness.attack.TargetView;
import java.util.Optional;

/**
 * Target-omniscient knowledge for a Byzantine engine (ALGORITHMS.md §6): what the target holds at this step. Only a
 * simulator can provide it; a real node has none, so target-omniscient attacks are refused there.
 */
@FunctionalInterface
public interface TargetViewSource {
    Optional<TargetView> view(long round, int step, PeerId target);
}
