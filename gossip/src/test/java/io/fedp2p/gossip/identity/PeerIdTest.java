package io.fedp2p.gossip.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Vectors from LIBP2P.md §3.4 (libp2p/specs peer-ids.md, cross-checked with js-libp2p). */
class PeerIdTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void specKeyGivesTheJsPeerIdAndCid() {
        Identity id =
                Identity.fromSeed(HEX.parseHex("7e0830617c4a7de83925dfb2694556b12936c477a0e1feb2e148ec9da60fee7d"));

        assertThat(HEX.formatHex(id.publicKey().toProtobuf()))
                .isEqualTo("080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e");
        assertThat(id.peerId().toString()).isEqualTo("12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq");
        assertThat(HEX.formatHex(id.peerId().toBytes()))
                .isEqualTo("0024080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e");
        assertThat(id.peerId().toCid()).isEqualTo("bafzaajaiaejcahwr5d5ofrfbis4l5d6uwr57hu5tjodrypfm6yaq6dsc2r2pzyt6");
    }

    @Test
    void zeroAndOnesSeedsGiveTheJsPeerIds() {
        Identity zero = Identity.fromSeed(new byte[32]);
        byte[] ones = new byte[32];
        Arrays.fill(ones, (byte) 1);
        Identity one = Identity.fromSeed(ones);

        assertThat(HEX.formatHex(zero.publicKey().raw()))
                .isEqualTo("3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29");
        assertThat(zero.peerId()).hasToString("12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN");
        assertThat(zero.peerId().toCid())
                .isEqualTo("bafzaajaiaejcao3ke66m5nvefvrkhkgqfjxq243fgikxohpciotdvqciugfvtwrj");
        assertThat(one.peerId()).hasToString("12D3KooWK99VoVxNE7XzyBwXEzW7xhK7Gpv85r9F3V3fyKSUKPH5");
        assertThat(HEX.formatHex(one.publicKey().toProtobuf()))
                .isEqualTo("080112208a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c");
    }

    @Test
    void parsesBase58AndCidFormsOfTheSameId() {
        PeerId a = PeerId.parse("12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA");
        PeerId b = PeerId.parse("bafzaajaiaejcal72gwuz2or47oyxxn6b3rkwdmmkrxgkjxzy3rqt5kczyn7lcm3l");

        assertThat(a).isEqualTo(b);
        assertThat(HEX.formatHex(a.toBytes()))
                .isEqualTo("0024080112202ffa35a99d3a3cfbb17bb7c1dc5561b18a8dcca4df38dc613ea859c37eb1336b");
        assertThat(PeerId.parse("12D3KooWCryG7Mon9orvQxcS1rYZjotPgpwoJNHHKcLLfE4Hf5mV"))
                .isEqualTo(PeerId.parse("bafzaajaiaejcalj543iwv2d7pkjt7ykvefrkfu7qjfi6sduakhso4lay6abn2d5u"));
    }

    @Test
    void parsesSha256IdsWithoutAKey() {
        PeerId qm = PeerId.parse("QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N");

        assertThat(qm).isEqualTo(PeerId.parse("bafzbeie5745rpv2m6tjyuugywy4d5ewrqgqqhfnf445he3omzpjbx5xqxe"));
        assertThat(HEX.formatHex(qm.toBytes()))
                .isEqualTo("12209dff3b17d74cf4d38a50d8b6383e92d181a10395a5e73a726dcccbd21bf6f0b9");
        assertThat(qm.publicKey()).isEmpty();
    }

    @Test
    void recoversTheEd25519KeyFromAnIdentityPeerId() {
        Identity id = Identity.fromSeed(new byte[32]);

        assertThat(PeerId.parse(id.peerId().toString()).publicKey()).contains(id.publicKey());
    }

    @Test
    void refusesGarbage() {
        assertThatThrownBy(() -> PeerId.parse("12D3KooW0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PeerId.parse("bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"))
                .hasMessageContaining("libp2p-key");
        assertThatThrownBy(() -> PeerId.parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
