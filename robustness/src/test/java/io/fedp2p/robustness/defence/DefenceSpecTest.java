package io.fedp2p.robustness.defence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedp2p.robustness.aggregate.ClippingRadius;
import io.fedp2p.robustness.filter.IntegratorConfig;
import io.fedp2p.robustness.filter.PrioritizerConfig;
import org.junit.jupiter.api.Test;

class DefenceSpecTest {

    @Test
    void everyCliNameParsesAndCreatesADefenceOfThatName() {
        assertThat(DefenceSpec.names())
                .containsExactly(
                        "mean",
                        "median",
                        "trimmed-mean",
                        "krum",
                        "multi-krum",
                        "multi-krum-iterative",
                        "geometric-median",
                        "centered-clipping",
                        "clipped-gossip",
                        "balance",
                        "mozi",
                        "bristle",
                        "frl",
                        "rffl",
                        "pipeline");
        for (String name : DefenceSpec.names()) {
            assertThat(DefenceSpec.parse(name).create().name()).isEqualTo(name);
        }
    }

    @Test
    void parametersArePassedThrough() {
        assertThat(DefenceSpec.parse("krum:f=2")).isEqualTo(new DefenceSpec.KrumSpec(2));
        assertThat(DefenceSpec.parse("trimmed-mean:f=3")).isEqualTo(new DefenceSpec.TrimmedMeanSpec(3));
        assertThat(DefenceSpec.parse("trimmed-mean:f=3,b=1")).isEqualTo(new DefenceSpec.TrimmedMeanSpec(1));
        assertThat(DefenceSpec.parse("clipped-gossip:tau=0.1"))
                .isEqualTo(new DefenceSpec.ClippedGossipSpec(new ClippingRadius.Fixed(0.1)));
        assertThat(DefenceSpec.parse("clipped-gossip"))
                .isEqualTo(new DefenceSpec.ClippedGossipSpec(new ClippingRadius.TrimmedOracle(0.25)));
        assertThat(DefenceSpec.parse("balance:gamma=0.5,rounds=100"))
                .isEqualTo(new DefenceSpec.BalanceSpec(0.5, 1, 0.5, 100));
    }

    @Test
    void pipelineKeysSwitchStages() {
        PipelineConfig c = ((DefenceSpec.PipelineSpec) DefenceSpec.parse(
                        "pipeline:frl=off,prioritizer=random,integrator=soft,rffl-alpha=0.9,head=10:4:3"))
                .config();

        assertThat(c.frl().enabled()).isFalse();
        assertThat(c.prioritizer().variant()).isEqualTo(PrioritizerConfig.Variant.RANDOM);
        assertThat(c.integrator().mode()).isEqualTo(IntegratorConfig.Mode.SOFT);
        assertThat(c.rffl().alpha()).isEqualTo(0.9);
        assertThat(c.integrator().head()).isPresent();
        assertThat(((DefenceSpec.PipelineSpec) DefenceSpec.parse("pipeline")).config())
                .isEqualTo(PipelineConfig.DEFAULTS);
    }

    @Test
    void singleLayerColumnsIsolateTheirLayer() {
        PipelineConfig bristle = ((DefenceSpec.PipelineSpec) DefenceSpec.parse("bristle")).config();
        PipelineConfig frl = ((DefenceSpec.PipelineSpec) DefenceSpec.parse("frl")).config();
        PipelineConfig rffl = ((DefenceSpec.PipelineSpec) DefenceSpec.parse("rffl")).config();

        assertThat(bristle.prioritizer().enabled()).isTrue();
        assertThat(bristle.integrator().mode()).isEqualTo(IntegratorConfig.Mode.INTEGRATE);
        assertThat(bristle.frl().enabled() || bristle.rffl().enabled()).isFalse();
        assertThat(frl.frl().enabled()
                        && !frl.prioritizer().enabled()
                        && !frl.rffl().enabled())
                .isTrue();
        assertThat(rffl.rffl().enabled()
                        && !rffl.frl().enabled()
                        && !rffl.prioritizer().enabled())
                .isTrue();
        assertThat(rffl.validation().normCheck()).isFalse();
    }

    @Test
    void unknownNamesAndKeysListTheValidOnes() {
        assertThatThrownBy(() -> DefenceSpec.parse("kurm"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("valid: mean, median");
        assertThatThrownBy(() -> DefenceSpec.parse("krum:g=1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown key 'g' for krum; valid keys: f");
        assertThatThrownBy(() -> DefenceSpec.parse("krum:f=x")).hasMessageContaining("f must be an integer");
        assertThatThrownBy(() -> DefenceSpec.parse("krum:f=-1")).hasMessageContaining("f must be >= 0");
        assertThatThrownBy(() -> DefenceSpec.parse("pipeline:frl=maybe")).hasMessageContaining("on or off");
        assertThatThrownBy(() -> DefenceSpec.parse("clipped-gossip:tau=big")).hasMessageContaining("tau must be");
    }
}
