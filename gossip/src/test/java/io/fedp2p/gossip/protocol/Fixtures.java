package io.fedp2p.gossip.protocol;

import com.google.protobuf.ByteString;
import io.fedp2p.gossip.identity.Identity;
import java.util.Arrays;

/** Fixed identities and configurations for gossip protocol tests. */
final class Fixtures {
    static final ByteString ADAPTER = GossipConfig.sha256("ffa-lora r=8");
    static final ByteString BACKBONE = GossipConfig.sha256("backbone");

    private Fixtures() {}

    static Identity identity(int n) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) n);
        return Identity.fromSeed(seed);
    }

    static GossipConfig config(int dimension) {
        return GossipConfig.defaults("test-net", ADAPTER, BACKBONE, dimension);
    }

    static float[] vector(int d, float base) {
        float[] v = new float[d];
        for (int i = 0; i < d; i++) v[i] = base + 0.01f * i;
        return v;
    }

    /** A signed header from {@code from} to {@code to} for content {@code content}, as a sender builds it. */
    static SignedHeader signed(Identity from, Identity to, long round, int step, byte[] content) {
        GossipInbox senderSide = new GossipInbox(from.peerId(), config(4));
        ModelMessage m = ModelMessage.of(round, step, 3, new float[4]);
        MessageHeader h = senderSide.header(
                to.peerId(), m, ByteString.copyFrom(GossipConfig.sha256Bytes(content)), content.length);
        return SignedHeader.sign(from, h);
    }
}
