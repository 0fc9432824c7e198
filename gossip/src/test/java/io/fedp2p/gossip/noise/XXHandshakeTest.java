package io.fedp2p.gossip.noise;

import static io.fedp2p.gossip.noise.NoiseVectors.HEX;
import static io.fedp2p.gossip.noise.NoiseVectors.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedp2p.gossip.fault.PeerFault;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** The cacophony vector for Noise_XX_25519_ChaChaPoly_SHA256 (LIBP2P.md §6.9 a). */
class XXHandshakeTest {
    private static final byte[] PROLOGUE = HEX.parseHex("4a6f686e2047616c74");

    @Test
    void reproducesTheCacophonyTranscript() {
        XXHandshake init = new XXHandshake(
                true, keys(NoiseVectors.INIT_STATIC), () -> keys(NoiseVectors.INIT_EPHEMERAL), PROLOGUE);
        XXHandshake resp = new XXHandshake(
                false, keys(NoiseVectors.RESP_STATIC), () -> keys(NoiseVectors.RESP_EPHEMERAL), PROLOGUE);

        byte[] m0 = init.writeMessage(HEX.parseHex("4c756477696720766f6e204d69736573"));
        assertThat(HEX.formatHex(m0))
                .isEqualTo(
                        "ca35def5ae56cec33dc2036731ab14896bc4c75dbb07a61f879f8e3afa4c79444c756477696720766f6e204d69736573");
        assertThat(HEX.formatHex(resp.readMessage(m0))).isEqualTo("4c756477696720766f6e204d69736573");

        byte[] m1 = resp.writeMessage(HEX.parseHex("4d757272617920526f746862617264"));
        assertThat(HEX.formatHex(m1))
                .isEqualTo("95ebc60d2b1fa672c1f46a8aa265ef51bfe38e7ccb39ec5be34069f14480884381cbad1f"
                        + "276e038c48378ffce2b65285e08d6b68aaa3629a5a8639392490e5b9bd5269c2f1e4f488ed8831161f19b7815528f8982ffe09b"
                        + "e9b5c412f8a0db50f8814c7194e83f23dbd8d162c9326ad");
        assertThat(HEX.formatHex(init.readMessage(m1))).isEqualTo("4d757272617920526f746862617264");

        byte[] m2 = init.writeMessage(HEX.parseHex("462e20412e20486179656b"));
        assertThat(HEX.formatHex(m2))
                .isEqualTo("c7195ffacac1307ff99046f219750fc47693e23c3cb08b89c2af808b444850a80ae475b9df"
                        + "0f169ae80a89be0865b57f58c9fea0d4ec82a286427402f113e4b6ae769a1d95941d49b25030");
        assertThat(HEX.formatHex(resp.readMessage(m2))).isEqualTo("462e20412e20486179656b");

        assertThat(init.isComplete()).isTrue();
        assertThat(resp.isComplete()).isTrue();
        assertThat(HEX.formatHex(init.handshakeHash()))
                .isEqualTo("c8e5f64e846193be2a834104c2a009868d6c9f3bd3c186299888b488b2f1f58e");
        assertThat(resp.handshakeHash()).isEqualTo(init.handshakeHash());

        byte[][] ik = init.split();
        byte[][] rk = resp.split();
        TransportCipher initSend = TransportCipher.encryptor(ik[0]);
        TransportCipher initRecv = TransportCipher.decryptor(ik[1]);
        TransportCipher respSend = TransportCipher.encryptor(rk[0]);
        TransportCipher respRecv = TransportCipher.decryptor(rk[1]);
        assertThat(seal(respSend, "4361726c204d656e676572"))
                .isEqualTo("96763ed773f8e47bb3712f0e29b3060ffc956ffc146cee53d5e1df");
        assertThat(seal(initSend, "4a65616e2d426170746973746520536179"))
                .isEqualTo("3e40f15f6f3a46ae446b253bf8b1d9ffb6ed9b174d272328ff91a7e2e5c79c07f5");
        assertThat(seal(respSend, "457567656e2042f6686d20766f6e2042617765726b"))
                .isEqualTo("eb3f3515110702e047a6c9da4478b6ead94873c11c0f2d710ddb3f09fce024b3a58502ae3f");
        assertThat(open(initRecv, "96763ed773f8e47bb3712f0e29b3060ffc956ffc146cee53d5e1df"))
                .isEqualTo("4361726c204d656e676572");
        assertThat(open(respRecv, "3e40f15f6f3a46ae446b253bf8b1d9ffb6ed9b174d272328ff91a7e2e5c79c07f5"))
                .isEqualTo("4a65616e2d426170746973746520536179");
    }

    @Test
    void tamperedHandshakeMessageFailsAuthentication() {
        XXHandshake init = new XXHandshake(
                true, keys(NoiseVectors.INIT_STATIC), () -> keys(NoiseVectors.INIT_EPHEMERAL), new byte[0]);
        XXHandshake resp = new XXHandshake(
                false, keys(NoiseVectors.RESP_STATIC), () -> keys(NoiseVectors.RESP_EPHEMERAL), new byte[0]);
        resp.readMessage(init.writeMessage(new byte[0]));
        byte[] m1 = resp.writeMessage(new byte[] {1, 2, 3});
        m1[40] ^= 1;

        assertThatThrownBy(() -> init.readMessage(m1)).isInstanceOf(PeerFault.class);
    }

    @Test
    void transportRefusesAForgedTag() {
        TransportCipher send = TransportCipher.encryptor(new byte[32]);
        TransportCipher recv = TransportCipher.decryptor(new byte[32]);
        ByteBuf ct = Unpooled.buffer();
        send.encrypt(Unpooled.wrappedBuffer(new byte[] {1, 2, 3}), 3, ct);
        ct.setByte(0, ct.getByte(0) ^ 1);

        assertThatThrownBy(() -> recv.decrypt(ct, ct.readableBytes(), Unpooled.buffer()))
                .isInstanceOf(PeerFault.class);
    }

    private static String seal(TransportCipher c, String plainHex) {
        byte[] p = HEX.parseHex(plainHex);
        ByteBuf out = Unpooled.buffer();
        c.encrypt(Unpooled.wrappedBuffer(p), p.length, out);
        return HEX.formatHex(ByteBufUtil.getBytes(out));
    }

    private static String open(TransportCipher c, String cipherHex) {
        byte[] ct = HEX.parseHex(cipherHex);
        ByteBuf out = Unpooled.buffer();
        c.decrypt(Unpooled.wrappedBuffer(ct), ct.length, out);
        return HEX.formatHex(ByteBufUtil.getBytes(out));
    }
}
