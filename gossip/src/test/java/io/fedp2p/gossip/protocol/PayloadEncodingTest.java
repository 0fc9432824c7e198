package io.fedp2p.gossip.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedp2p.gossip.fault.FaultKind;
import io.fedp2p.gossip.fault.PeerFault;
import org.junit.jupiter.api.Test;

class PayloadEncodingTest {
    @Test
    void float32RoundTripIsExact() {
        float[] v = {1.5f, -0f, Float.MIN_VALUE, 3.4e38f, -123.456f};

        float[] back = PayloadEncoding.FLOAT32.decode(PayloadEncoding.FLOAT32.encode(v), v.length);

        assertThat(back).containsExactly(v);
        assertThat(PayloadEncoding.FLOAT32.encodedBytes(5)).isEqualTo(20);
    }

    @Test
    void float16KnownValues() {
        // binary16: 1.0 = 0x3c00, -2.0 = 0xc000, 65504 = 0x7bff (max), 2^-24 = 0x0001 (smallest subnormal)
        assertThat(Float16.fromFloat(1f)).isEqualTo((short) 0x3c00);
        assertThat(Float16.fromFloat(-2f)).isEqualTo((short) 0xc000);
        assertThat(Float16.fromFloat(65504f)).isEqualTo((short) 0x7bff);
        assertThat(Float16.fromFloat(0x1p-24f)).isEqualTo((short) 0x0001);
        // 1 + 2^-11 is halfway between 1 and 1 + 2^-10: ties to even gives 1.0
        assertThat(Float16.fromFloat(1f + 0x1p-11f)).isEqualTo((short) 0x3c00);
        // 1 + 3·2^-11 is halfway between 1+2^-10 (odd mantissa) and 1+2^-9: ties to even rounds up
        assertThat(Float16.toFloat(Float16.fromFloat(1f + 3 * 0x1p-11f))).isEqualTo(1f + 0x1p-9f);
        assertThat(Float16.toFloat((short) 0x7bff)).isEqualTo(65504f);
        assertThat(Float16.toFloat((short) 0x0001)).isEqualTo(0x1p-24f);
    }

    @Test
    void float16StaysWithinHalfAnUlp() {
        float[] v = Fixtures.vector(1000, 0.5f);

        float[] back = PayloadEncoding.FLOAT16.roundTrip(v);

        for (int i = 0; i < v.length; i++)
            assertThat(Math.abs(back[i] - v[i])).isLessThanOrEqualTo(Math.abs(v[i]) * 0x1p-11f);
    }

    @Test
    void int8ScalesPerBlockOf256() {
        float[] v = new float[300];
        v[0] = 127f; // block 0: scale 1
        v[1] = -63.4f; // rounds to -63
        v[256] = 0.5f; // block 1: scale 0.5/127
        v[299] = -0.25f;

        float[] back = PayloadEncoding.INT8.roundTrip(v);

        assertThat(PayloadEncoding.INT8.encodedBytes(300)).isEqualTo(300 + 8);
        assertThat(back[0]).isEqualTo(127f);
        assertThat(back[1]).isEqualTo(-63f);
        assertThat(back[256]).isCloseTo(0.5f, org.assertj.core.data.Offset.offset(1e-6f));
        assertThat(back[299]).isCloseTo(-0.25f, org.assertj.core.data.Offset.offset(0.5f / 127 / 2 + 1e-6f));
    }

    @Test
    void refusesWrongLengthAndNonFiniteValues() {
        byte[] nan = PayloadEncoding.FLOAT32.encode(new float[] {1f, 2f});
        nan[4] = 0;
        nan[5] = 0;
        nan[6] = (byte) 0xc0;
        nan[7] = 0x7f; // 0x7fc00000 = NaN

        assertThatThrownBy(() -> PayloadEncoding.FLOAT32.decode(new byte[7], 2))
                .isInstanceOf(PeerFault.class)
                .extracting(e -> ((PeerFault) e).kind())
                .isEqualTo(FaultKind.BAD_PAYLOAD);
        assertThatThrownBy(() -> PayloadEncoding.FLOAT32.decode(nan, 2))
                .isInstanceOf(PeerFault.class)
                .hasMessageContaining("non-finite");
        assertThatThrownBy(() -> PayloadEncoding.FLOAT16.decode(new byte[] {0, 0x7c}, 1))
                .isInstanceOf(PeerFault.class);
    }

    @Test
    void parsesCliNames() {
        assertThat(PayloadEncoding.parse("fp16")).isEqualTo(PayloadEncoding.FLOAT16);
        assertThat(PayloadEncoding.parse("INT8")).isEqualTo(PayloadEncoding.INT8);
        assertThatThrownBy(() -> PayloadEncoding.parse("bf16")).hasMessageContaining("float32, fp16 or int8");
    }
}
