package io.fedp2p.node.engine;

import io.fedp2p.gossip.protocol.EquivocationProof;
import java.util.ArrayList;
import java.util.List;

/** Records an engine's events. */
final class RecordingEngineListener implements EngineListener {
    final List<RoundResult> rounds = new ArrayList<>();
    final List<Long> signed = new ArrayList<>();
    final List<EquivocationProof> proofs = new ArrayList<>();
    final List<long[]> catchUps = new ArrayList<>();
    final List<String> faults = new ArrayList<>();
    boolean stopped;

    @Override
    public void beforeSigning(long round) {
        signed.add(round);
    }

    @Override
    public void onRoundCompleted(RoundResult result) {
        rounds.add(result);
    }

    @Override
    public void onEquivocation(EquivocationProof proof) {
        proofs.add(proof);
    }

    @Override
    public void onCatchUp(long fromRound, long toRound) {
        catchUps.add(new long[] {fromRound, toRound});
    }

    @Override
    public void onFault(io.fedp2p.gossip.identity.PeerId peer, io.fedp2p.gossip.fault.FaultKind kind, String detail) {
        faults.add(peer + " " + kind + " " + detail);
    }

    @Override
    public void onStopped(long nextRound) {
        stopped = true;
    }

    RoundResult last() {
        return rounds.get(rounds.size() - 1);
    }
}
