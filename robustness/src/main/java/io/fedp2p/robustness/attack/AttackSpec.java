package io.fedp2p.robustness.attack;

import io.fedp2p.robustness.SpecParams;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An attack chosen by name with validated parameters, parsed once at the edge from text such as {@code alie:z=1.5} or
 * {@code ipm:epsilon=0.5,steps=q0}. Names are CLI.md's attack list. Every attack except {@code bait-and-switch} takes
 * {@code steps=all|q0|q>=1}; unknown names and keys are errors that list the valid ones.
 */
public record AttackSpec(String name, SortedMap<String, String> params) {
    /** CLI.md's attack names, in its order. */
    public static final List<String> NAMES = List.of(
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

    public AttackSpec {
        name = name.trim().toLowerCase(Locale.ROOT);
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
        AttackFactory.create(name, SpecParams.of(name, params, keys(name)));
    }

    /** Parses {@code name[:key=value[,key=value...]]}. */
    public static AttackSpec parse(String text) {
        Map.Entry<String, Map<String, String>> split = SpecParams.split(text);
        return new AttackSpec(split.getKey(), new TreeMap<>(split.getValue()));
    }

    /** The keys {@code name} accepts. */
    public static List<String> keys(String name) {
        return AttackFactory.keys(name);
    }

    /** A ready attack. */
    public Attack create() {
        return AttackFactory.create(name, SpecParams.of(name, params, keys(name)));
    }

    /** The trainer's relabelling for {@code label-flip} (identity for every other attack). */
    public LabelMapping labelMapping() {
        Attack a = create();
        Attack inner = a instanceof StepSwitchedAttack s ? s.base() : a;
        return inner instanceof LabelFlipAttack l ? l.mapping() : LabelMapping.identity();
    }
}
