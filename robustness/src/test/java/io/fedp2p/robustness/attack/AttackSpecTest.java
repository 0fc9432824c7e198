package io.fedp2p.robustness.attack;

import static io.fedp2p.robustness.TestVectors.vec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedp2p.robustness.TestVectors;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttackSpecTest {

    @Test
    void everyCliNameResolves() {
        assertThat(AttackSpec.NAMES)
                .containsExactly(
                        "none",
                        "label-flip",
                        "sign-flip",
                        "gaussian",
                        "alie",
                        "ipm",
                        "min-max",
                        "min-sum",
                        "dissensus",
                        "free-rider",
                        "sybil-eclipse",
                        "rank-reversal",
                        "fang-krum",
                        "fang-trimmed-mean",
                        "bait-and-switch");
        for (String name : AttackSpec.NAMES)
            assertThat(AttackSpec.parse(name).create().name()).isEqualTo(name);
    }

    @Test
    void parametersAndStepSwitch() {
        Attack a = AttackSpec.parse("ipm:epsilon=0.5,steps=q0").create();

        assertThat(a).isInstanceOf(StepSwitchedAttack.class);
        AttackContext step0 = AttackContext.builder(0, 0, vec(0), vec(1), TestVectors.rng(0))
                .received(List.of(), List.of(vec(2)))
                .build();
        AttackContext step1 = AttackContext.builder(0, 1, vec(0), vec(1), TestVectors.rng(0))
                .received(List.of(), List.of(vec(2)))
                .build();
        assertThat(a.forge(step0).delta()).containsExactly(-1f);
        assertThat(a.forge(step1).delta()).containsExactly(1f);

        Attack bait = AttackSpec.parse("bait-and-switch").create();
        assertThat(bait.forge(step0).delta()).containsExactly(1f); // honest at step 0
        assertThat(bait.forge(step1).delta()).containsExactly(-1f); // sign flip afterwards
    }

    @Test
    void labelFlipExposesTheMappingForTheTrainer() {
        assertThat(AttackSpec.parse("label-flip").labelMapping().map(2)).isEqualTo(7);
        assertThat(AttackSpec.parse("label-flip:variant=shift,classes=5")
                        .labelMapping()
                        .map(0))
                .isEqualTo(4);
        assertThat(AttackSpec.parse("label-flip:variant=swap-two-lowest,held=2-5")
                        .labelMapping()
                        .map(3))
                .isEqualTo(2);
        assertThat(AttackSpec.parse("ipm").labelMapping().map(3)).isEqualTo(3);
    }

    @Test
    void badNamesKeysAndValuesAreErrors() {
        assertThatThrownBy(() -> AttackSpec.parse("alien")).hasMessageContaining("valid: none, label-flip");
        assertThatThrownBy(() -> AttackSpec.parse("alie:zz=1")).hasMessageContaining("valid keys: ddof, knowledge, z");
        assertThatThrownBy(() -> AttackSpec.parse("ipm:steps=q2")).hasMessageContaining("all, q0 or q>=1");
        assertThatThrownBy(() -> AttackSpec.parse("label-flip:variant=swap-two-lowest"))
                .hasMessageContaining("held");
        assertThatThrownBy(() -> AttackSpec.parse("bait-and-switch:steps=q0")).hasMessageContaining("unknown key");
    }

    @Test
    void sybilIdentitiesSendIdenticalVectorsFromTheSharedSeed() {
        Attack sybil = AttackSpec.parse("sybil-eclipse:base=gaussian").create();
        AttackContext one = AttackContext.builder(4, 0, vec(0, 0, 0), vec(1, 1, 1), TestVectors.rng(1))
                .collusionSeed(99)
                .build();
        AttackContext two = AttackContext.builder(4, 0, vec(0, 0, 0), vec(1, 1, 1), TestVectors.rng(2))
                .collusionSeed(99)
                .build();
        AttackContext otherRound = AttackContext.builder(5, 0, vec(0, 0, 0), vec(1, 1, 1), TestVectors.rng(2))
                .collusionSeed(99)
                .build();

        assertThat(sybil.forge(two).theta()).containsExactly(sybil.forge(one).theta());
        assertThat(sybil.forge(otherRound).theta())
                .isNotEqualTo(sybil.forge(one).theta());
    }

    @Test
    void eclipseEchoesTheVictim() {
        TargetView view = new TargetView(vec(5, 5), List.of(vec(0, 0)), new double[] {0.5}, 0.5);
        AttackContext c = AttackContext.builder(0, 0, vec(1, 1), vec(1, 1), TestVectors.rng(0))
                .target(view)
                .build();

        assertThat(AttackSpec.parse("sybil-eclipse:mode=eclipse")
                        .create()
                        .forge(c)
                        .theta())
                .containsExactly(5f, 5f);
        assertThatThrownBy(() -> AttackSpec.parse("sybil-eclipse:mode=eclipse")
                        .create()
                        .forge(AttackContext.builder(0, 0, vec(1), vec(1), TestVectors.rng(0))
                                .build()))
                .hasMessageContaining("simulation only");
    }
}
