package io.fedp2p.robustness.defence;

import io.fedp2p.robustness.PeerKey;
import io.fedp2p.robustness.RobustnessState;
import io.fedp2p.robustness.RoundInput;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a defence fixes at step 0 and carries through the round: the step-0 input (its deltas feed the RFFL update), the
 * state at the round's start, the accepted set A_i with its weights w̃_ij, the guard radius τ, the neighbours penalised
 * this round (ψ = −1), those that failed the plausibility check, those dropped at steps q ≥ 1, and the FRL consensus
 * mask and Bristle scores when the pipeline produced them. Immutable; the round engine only passes it along.
 */
public final class RoundContext {
    private final String defence;
    private final RoundInput input;
    private final RobustnessState state;
    private final SortedMap<PeerKey, Double> weights;
    private final double tau;
    private final SortedSet<PeerKey> penalised;
    private final SortedSet<PeerKey> plausibilityFailed;
    private final SortedSet<PeerKey> dropped;
    private final boolean[] agreedItems;
    private final int maskBlockSize;
    private final IntegrationPlan integration;

    RoundContext(
            String defence,
            RoundInput input,
            RobustnessState state,
            SortedMap<PeerKey, Double> weights,
            double tau,
            SortedSet<PeerKey> penalised,
            SortedSet<PeerKey> plausibilityFailed,
            SortedSet<PeerKey> dropped,
            boolean[] agreedItems,
            int maskBlockSize,
            IntegrationPlan integration) {
        this.defence = Objects.requireNonNull(defence, "defence");
        this.input = Objects.requireNonNull(input, "input");
        this.state = Objects.requireNonNull(state, "state");
        this.weights = Collections.unmodifiableSortedMap(new TreeMap<>(weights));
        this.tau = tau;
        this.penalised = Collections.unmodifiableSortedSet(new TreeSet<>(penalised));
        this.plausibilityFailed = Collections.unmodifiableSortedSet(new TreeSet<>(plausibilityFailed));
        this.dropped = Collections.unmodifiableSortedSet(new TreeSet<>(dropped));
        this.agreedItems = agreedItems;
        this.maskBlockSize = maskBlockSize;
        this.integration = integration;
    }

    /** A context for a rule that keeps nothing but the accepted weights and τ. */
    static RoundContext simple(
            String defence,
            RoundInput input,
            RobustnessState state,
            SortedMap<PeerKey, Double> weights,
            double tau,
            SortedSet<PeerKey> penalised) {
        return new RoundContext(
                defence, input, state, weights, tau, penalised, new TreeSet<>(), new TreeSet<>(), null, 1, null);
    }

    /** The name of the defence that made this context. */
    public String defence() {
        return defence;
    }

    public RoundInput input() {
        return input;
    }

    /** The state at the start of the round. */
    public RobustnessState state() {
        return state;
    }

    public long round() {
        return input.round();
    }

    /** A_i with w̃_ij (the pipeline) or W_ij (rules). */
    public SortedMap<PeerKey, Double> weights() {
        return weights;
    }

    /** The guard radius τ fixed at step 0 (+∞ when there is none). */
    public double tau() {
        return tau;
    }

    /** Neighbours scored ψ = −1 this round (validation, plausibility or guard failures). */
    public SortedSet<PeerKey> penalised() {
        return penalised;
    }

    public SortedSet<PeerKey> plausibilityFailed() {
        return plausibilityFailed;
    }

    /** Neighbours dropped at steps q ≥ 1. */
    public SortedSet<PeerKey> dropped() {
        return dropped;
    }

    /** True while j is in A_i and not dropped. */
    public boolean isActive(PeerKey key) {
        return weights.containsKey(key) && !dropped.contains(key);
    }

    Optional<boolean[]> agreedItems() {
        return Optional.ofNullable(agreedItems);
    }

    int maskBlockSize() {
        return maskBlockSize;
    }

    Optional<IntegrationPlan> integration() {
        return Optional.ofNullable(integration);
    }

    /** A copy in which {@code keys} are dropped for the rest of the round and penalised. */
    RoundContext withDropped(SortedSet<PeerKey> keys) {
        if (keys.isEmpty()) return this;
        TreeSet<PeerKey> d = new TreeSet<>(dropped);
        d.addAll(keys);
        TreeSet<PeerKey> p = new TreeSet<>(penalised);
        p.addAll(keys);
        return new RoundContext(
                defence, input, state, weights, tau, p, plausibilityFailed, d, agreedItems, maskBlockSize, integration);
    }

    /** A copy with another τ (rules whose radius is recomputed per step). */
    RoundContext withTau(double newTau) {
        return new RoundContext(
                defence,
                input,
                state,
                weights,
                newTau,
                penalised,
                plausibilityFailed,
                dropped,
                agreedItems,
                maskBlockSize,
                integration);
    }
}
