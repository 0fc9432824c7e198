package io.fedp2p.gossip.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedp2p.gossip.fault.PeerFault;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class IdentityTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String SPEC_PRIVATE =
            "080112407e0830617c4a7de83925dfb2694556b12936c477a0e1feb2e148ec9da60fee7d"
                    + "1ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e";

    @Test
    void readsAndWritesTheSpecPrivateKeyProtobuf() {
        Identity id = Identity.fromPrivateKeyProtobuf(HEX.parseHex(SPEC_PRIVATE));

        assertThat(id.peerId()).hasToString("12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq");
        assertThat(HEX.formatHex(id.toPrivateKeyProtobuf())).isEqualTo(SPEC_PRIVATE);
    }

    @Test
    void acceptsTheLegacy96ByteFormOnlyWithMatchingCopies() {
        String data = SPEC_PRIVATE.substring(8);
        String pub = data.substring(64);
        Identity legacy = Identity.fromPrivateKeyProtobuf(HEX.parseHex("08011260" + data + pub));

        assertThat(legacy.peerId()).hasToString("12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq");
        String otherPub = "00".repeat(32);
        assertThatThrownBy(() -> Identity.fromPrivateKeyProtobuf(HEX.parseHex("08011260" + data + otherPub)))
                .hasMessageContaining("two different public keys");
    }

    @Test
    void refusesAKeyWhosePublicHalfDoesNotMatchTheSeed() {
        String bad = SPEC_PRIVATE.substring(0, SPEC_PRIVATE.length() - 2) + "00";

        assertThatThrownBy(() -> Identity.fromPrivateKeyProtobuf(HEX.parseHex(bad)))
                .hasMessageContaining("does not match");
    }

    @Test
    void signaturesVerifyWithThePublicKeyAndFailWhenTampered() {
        Identity id = Identity.fromSeed(new byte[32]);
        byte[] msg = "fedp2p update".getBytes(StandardCharsets.UTF_8);
        byte[] sig = id.sign(msg);

        assertThat(sig).hasSize(64);
        assertThat(id.publicKey().verify(msg, sig)).isTrue();
        sig[0] ^= 1;
        assertThat(id.publicKey().verify(msg, sig)).isFalse();
        assertThat(id.publicKey().verify(msg, new byte[3])).isFalse();
    }

    @Test
    void rfc8032TestVector1() {
        // RFC 8032 §7.1 TEST 1: empty message.
        Identity id =
                Identity.fromSeed(HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));

        assertThat(HEX.formatHex(id.publicKey().raw()))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(HEX.formatHex(id.sign(new byte[0])))
                .isEqualTo(
                        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    }

    @Test
    void remoteKeysOfOtherTypesAreRefusedAsBadPayload() {
        // secp256k1 PublicKey protobuf: type 2
        byte[] secp = HEX.parseHex("08021221037777e994e452c21604f91de093ce415f5432f701dd8cd1a7a6fea0e630bfca99");

        assertThatThrownBy(() -> PublicKey.fromProtobuf(secp))
                .isInstanceOf(PeerFault.class)
                .hasMessageContaining("unsupported key type");
        assertThatThrownBy(() -> PublicKey.fromProtobuf(new byte[] {8, 1, 18, 3, 1, 2, 3}))
                .isInstanceOf(PeerFault.class);
    }
}
