package io.fedp2p.robustness.defence;

import io.fedp2p.robustness.Candidate;
import io.fedp2p.robustness.CandidateDecision;
import io.fedp2p.robustness.Evaluators;
import io.fedp2p.robustness.PeerKey;
import io.fedp2p.robustness.RobustnessState;
import io.fedp2p.robustness.RoundInput;
import io.fedp2p.robustness.StepInput;
import io.fedp2p.robustness.aggregate.ClippingRadius;
import io.fedp2p.robustness.filter.BristlePrioritizerStage;
import io.fedp2p.robustness.filter.BristleScoreStage;
import io.fedp2p.robustness.filter.BristleScores;
import io.fedp2p.robustness.filter.FilterStage;
import io.fedp2p.robustness.filter.FrlFilterStage;
import io.fedp2p.robustness.filter.IntegratorConfig;
import io.fedp2p.robustness.filter.RfflGate;
import io.fedp2p.robustness.filter.Screening;
import io.fedp2p.robustness.filter.ScreeningContext;
import io.fedp2p.robustness.filter.ValidationStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * fedp2p's default defence (ALGORITHMS.md §8): at step 0, validation → RFFL gate → Bristle prioritizer → FRL filter →
 * Bristle integrator score, then the mix {@code z^{(1)} = Σ_j w̃_ij θ_j} with {@code w̃_ij = W_ij·a_ij} and the rest of
 * the row on the own model (or Bristle's own formulas in integrate mode); at steps q ≥ 1 the guard of {@link
 * PipelineMixing}; at the end of the round the RFFL update of {@link PipelineRoundEnd}. Stages switched off in the
 * {@link PipelineConfig} are not run. With every filter off and no attacker the mix equals plain W mixing.
 */
public final class RobustPipeline implements Defence {
    private final String name;
    private final PipelineConfig config;
    private final List<FilterStage> stages;

    public RobustPipeline(PipelineConfig config) {
        this("pipeline", config);
    }

    /** A pipeline reported under {@code name} (e.g. {@code bristle} for the Bristle-only column). */
    public RobustPipeline(String name, PipelineConfig config) {
        this.name = java.util.Objects.requireNonNull(name, "name");
        this.config = java.util.Objects.requireNonNull(config, "config");
        List<FilterStage> s = new ArrayList<>();
        s.add(new ValidationStage(config.validation()));
        if (config.rffl().enabled()) s.add(new RfflGate());
        if (config.prioritizer().enabled()) s.add(new BristlePrioritizerStage(config.prioritizer()));
        if (config.frl().enabled()) s.add(new FrlFilterStage(config.frl()));
        if (config.integrator().mode() != IntegratorConfig.Mode.OFF) {
            s.add(new BristleScoreStage(config.integrator()));
        }
        this.stages = List.copyOf(s);
    }

    @Override
    public String name() {
        return name;
    }

    public PipelineConfig config() {
        return config;
    }

    /** The stages in run order. */
    public List<FilterStage> stages() {
        return stages;
    }

    /** Runs the step-0 stages only. */
    public Screening screen(RoundInput input, RobustnessState state, Evaluators evaluators, RandomGenerator rng) {
        ScreeningContext ctx = new ScreeningContext(input, state, evaluators, config.needsDeltas());
        Screening s = Screening.start(input.candidates().size());
        for (FilterStage stage : stages) s = stage.screen(ctx, s, rng);
        return s;
    }

    @Override
    public MixOutcome stepZero(RoundInput input, RobustnessState state, Evaluators evaluators, RandomGenerator rng) {
        Screening s = screen(input, state, evaluators, rng);
        List<Candidate> cs = input.candidates();
        double[] distance = s.score("distance").orElseThrow();
        int[] accepted = s.acceptedIndices();
        SortedMap<PeerKey, Double> weights = new TreeMap<>();
        double[] w = new double[cs.size()];
        double[] acceptedDistance = new double[accepted.length];
        double[] acceptedWeight = new double[accepted.length];
        for (int r = 0; r < accepted.length; r++) {
            int j = accepted[r];
            w[j] = cs.get(j).weight() * s.acceptance(j);
            weights.put(cs.get(j).key(), w[j]);
            acceptedDistance[r] = distance[j];
            acceptedWeight[r] = w[j];
        }
        double tau = new ClippingRadius.TrimmedOracle(config.guard().delta()).radius(acceptedDistance, acceptedWeight);
        IntegrationPlan integration = integrationPlan(s, cs, accepted, evaluators);
        List<String> notes = new ArrayList<>(s.notes());
        if (config.integrator().mode() == IntegratorConfig.Mode.INTEGRATE && integration == null) {
            notes.add("integrate mode without scores: mixed with W instead");
        }
        boolean[] agreed = s.agreedItems().orElse(null);
        RoundContext ctx = new RoundContext(
                name,
                input,
                state,
                weights,
                tau,
                penalised(s, cs),
                plausibility(s, cs),
                new TreeSet<>(),
                agreed,
                s.maskBlockSize(),
                integration);
        PipelineMixing.Mixed mixed = PipelineMixing.mix(ctx, config, input.ownTheta(), cs, w, integration);
        List<CandidateDecision> decisions = new ArrayList<>();
        for (int j = 0; j < cs.size(); j++) {
            double weight = integration != null ? (s.accepted(j) ? Double.NaN : 0) : w[j];
            decisions.add(new CandidateDecision(cs.get(j).key(), s.verdict(j), weight, s.detail(j), scoresOf(s, j)));
        }
        notes.add("guard radius tau = " + tau);
        return new MixOutcome(mixed.vector(), decisions, mixed.selfWeight(), ctx, notes);
    }

    @Override
    public MixOutcome step(RoundContext context, StepInput input, Evaluators evaluators, RandomGenerator rng) {
        return PipelineMixing.guardedStep(context, config, input);
    }

    @Override
    public RobustnessState endRound(RoundContext context, Map<PeerKey, float[]> lastStepModels) {
        return PipelineRoundEnd.apply(config, context, lastStepModels);
    }

    private IntegrationPlan integrationPlan(Screening s, List<Candidate> cs, int[] accepted, Evaluators evaluators) {
        if (config.integrator().mode() != IntegratorConfig.Mode.INTEGRATE
                || evaluators.scorer().isEmpty()) return null;
        SortedMap<PeerKey, BristleScores> out = new TreeMap<>();
        for (int j : accepted) out.put(cs.get(j).key(), s.bristle(j).orElseThrow());
        return new IntegrationPlan(out, evaluators.familiarClasses());
    }

    private static TreeSet<PeerKey> penalised(Screening s, List<Candidate> cs) {
        TreeSet<PeerKey> out = new TreeSet<>();
        for (int j = 0; j < cs.size(); j++) {
            if (s.verdict(j).isValidationFailure() || s.plausibilityFailed(j))
                out.add(cs.get(j).key());
        }
        return out;
    }

    private static TreeSet<PeerKey> plausibility(Screening s, List<Candidate> cs) {
        TreeSet<PeerKey> out = new TreeSet<>();
        for (int j = 0; j < cs.size(); j++)
            if (s.plausibilityFailed(j)) out.add(cs.get(j).key());
        return out;
    }

    private static SortedMap<String, Double> scoresOf(Screening s, int j) {
        SortedMap<String, Double> out = new TreeMap<>();
        for (String n : s.scoreNames()) {
            double v = s.score(n).orElseThrow()[j];
            if (!Double.isNaN(v)) out.put(n, v);
        }
        return out;
    }
}
