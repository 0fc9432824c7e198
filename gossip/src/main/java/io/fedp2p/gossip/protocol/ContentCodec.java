package io.fedp2p.gossip.protocol;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import io.fedp2p.gossip.proto.GossipProtos;
import java.util.BitSet;

/**
 * Serializes a {@link ModelMessage}'s values as the {@code Content} of {@code fedp2p_gossip.proto} and back. Decoding
 * validates fully before anything is returned: dimension, byte lengths, finite values, rankings that are
 * permutations within the caps.
 */
public final class ContentCodec {
    /** Most ranked items per layer and in total a message may carry. */
    public static final int MAX_RANKING_ITEMS = 1 << 22;

    private ContentCodec() {}

    /** The serialized content of {@code m} with vectors in {@code encoding}. */
    public static byte[] encode(ModelMessage m, PayloadEncoding encoding) {
        GossipProtos.Content.Builder b = GossipProtos.Content.newBuilder()
                .setEncoding(encoding.toProto())
                .setDimension(m.dimension())
                .setTheta(ByteString.copyFrom(encoding.encode(m.theta())));
        if (m.hasDelta()) b.setDelta(ByteString.copyFrom(encoding.encode(m.delta())));
        m.residual().ifPresent(b::setResidual);
        if (m.hasRanking()) {
            for (int[] layer : m.ranking()) {
                GossipProtos.Ranking.Builder r = GossipProtos.Ranking.newBuilder();
                for (int x : layer) r.addOrder(x);
                b.addRanking(r);
            }
        }
        return b.build().toByteArray();
    }

    /**
     * Decodes content received under {@code header}.
     *
     * @param expectedDimension the receiver's model dimension, or 0 to accept any
     * @throws PeerFault {@link FaultKind#MALFORMED_FRAME} or {@link FaultKind#BAD_PAYLOAD}
     */
    public static ModelMessage decode(MessageHeader header, byte[] content, int expectedDimension) {
        GossipProtos.Content c;
        try {
            c = GossipProtos.Content.parseFrom(content);
        } catch (InvalidProtocolBufferException e) {
            throw new PeerFault(FaultKind.MALFORMED_FRAME, "malformed gossip content");
        }
        int d = c.getDimension();
        if (d <= 0 || (expectedDimension > 0 && d != expectedDimension)) {
            throw new PeerFault(FaultKind.BAD_PAYLOAD, "model of dimension " + d + ", expected " + expectedDimension);
        }
        PayloadEncoding enc = PayloadEncoding.fromProto(c.getEncoding());
        float[] theta = enc.decode(c.getTheta().toByteArray(), d);
        float[] delta = c.getDelta().isEmpty() ? null : enc.decode(c.getDelta().toByteArray(), d);
        double rho = c.hasResidual() ? c.getResidual() : Double.NaN;
        if (c.hasResidual() && !(rho >= 0 && Double.isFinite(rho))) {
            throw new PeerFault(FaultKind.BAD_PAYLOAD, "mixing residual " + rho);
        }
        ModelMessage m = delta == null
                ? ModelMessage.of(header.round(), header.step(), header.degree(), theta)
                : ModelMessage.withDelta(header.round(), header.step(), header.degree(), theta, delta, rho);
        if (c.getRankingCount() > 0) m = m.withRanking(rankings(c));
        return m;
    }

    private static int[][] rankings(GossipProtos.Content c) {
        int[][] out = new int[c.getRankingCount()][];
        long total = 0;
        for (int l = 0; l < out.length; l++) {
            GossipProtos.Ranking r = c.getRanking(l);
            int n = r.getOrderCount();
            total += n;
            if (n == 0 || total > MAX_RANKING_ITEMS) {
                throw new PeerFault(FaultKind.BAD_PAYLOAD, "ranking " + l + " with " + n + " items");
            }
            BitSet seen = new BitSet(n);
            int[] order = new int[n];
            for (int p = 0; p < n; p++) {
                int id = r.getOrder(p);
                if (id < 0 || id >= n || seen.get(id)) {
                    throw new PeerFault(
                            FaultKind.BAD_PAYLOAD, "ranking " + l + " is not a permutation of 0.." + (n - 1));
                }
                seen.set(id);
                order[p] = id;
            }
            out[l] = order;
        }
        return out;
    }
}
