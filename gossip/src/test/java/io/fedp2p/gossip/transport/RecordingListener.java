package io.fedp2p.gossip.transport;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.identity.PeerId;
import io.fedp2p.gossip.protocol.EquivocationProof;
import io.fedp2p.gossip.protocol.ModelMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every transport event (thread-safe, for wall-clock tests too). */
final class RecordingListener implements TransportListener {
    record Received(PeerId from, ModelMessage message) {}

    final List<Received> messages = new CopyOnWriteArrayList<>();
    final List<PeerId> up = new CopyOnWriteArrayList<>();
    final List<PeerId> down = new CopyOnWriteArrayList<>();
    final List<EquivocationProof> proofs = new CopyOnWriteArrayList<>();
    final List<FaultKind> faults = new CopyOnWriteArrayList<>();

    @Override
    public void onMessage(PeerId from, ModelMessage message) {
        messages.add(new Received(from, message));
    }

    @Override
    public void onNeighbourUp(PeerId peer) {
        up.add(peer);
    }

    @Override
    public void onNeighbourDown(PeerId peer) {
        down.add(peer);
    }

    @Override
    public void onEquivocation(EquivocationProof proof) {
        proofs.add(proof);
    }

    @Override
    public void onFault(PeerId peer, FaultKind kind, String detail) {
        faults.add(kind);
    }

    List<ModelMessage> from(PeerId p) {
        List<ModelMessage> out = new ArrayList<>();
        for (Received r : messages) if (r.from().equals(p)) out.add(r.message());
        return out;
    }
}
