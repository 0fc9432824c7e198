package io.fedp2p.node.engine;

import io.fedp2p.node.adapter.AdapterKind;
import io.fedp2p.node.adapter.ParamLayout;
import io.fedp2p.node.train.Task;
import io.fedp2p.robustness.filter.RankVote;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * How the FRL-native adapter mode (ALGORITHMS.md §3.9a) splits the trainable vector θ: per adapted layer l the
 * supermask scores {@code <layer>.frl_scores} over the r² entries of R₀, which travel as a ranking (edge ids from
 * least to most important, §3.2), and everything else (the classification head, §7.5.3), which travels as floats
 * through the normal defence. Keeps each layer's sorted initial score values {@code v_l}, from which scores are
 * rebuilt after a vote: {@code s[G[p]] = v[p]} (§3.2). Edge ids are row-major over the r×r score tensor (§3.8 #4).
 * Immutable and thread-safe.
 */
public final class FrlLayout {
    private static final String SCORES = ".frl_scores";

    private final int dimension;
    private final int[] layerOffsets;
    private final float[][] sortedInitial;
    private final int[] floatFrom;
    private final int[] floatTo;
    private final int floatDimension;

    private FrlLayout(ParamLayout layout, float[] initial) {
        layout.checkLength(initial);
        this.dimension = layout.dimension();
        List<ParamLayout.Entry> scores = new ArrayList<>();
        List<ParamLayout.Entry> floats = new ArrayList<>();
        for (ParamLayout.Entry e : layout.entries()) (e.name().endsWith(SCORES) ? scores : floats).add(e);
        if (scores.isEmpty()) throw new IllegalArgumentException("no FRL score tensors in layout " + layout);
        if (floats.isEmpty()) throw new IllegalArgumentException("FRL-native mode needs a float-shared head");
        this.layerOffsets = new int[scores.size() + 1];
        this.sortedInitial = new float[scores.size()][];
        for (int l = 0; l < scores.size(); l++) {
            ParamLayout.Entry e = scores.get(l);
            layerOffsets[l] = e.offset();
            float[] v = Arrays.copyOfRange(initial, e.offset(), e.offset() + e.size());
            Arrays.sort(v);
            sortedInitial[l] = v;
        }
        this.floatFrom = new int[floats.size()];
        this.floatTo = new int[floats.size()];
        int d = 0;
        for (int k = 0; k < floats.size(); k++) {
            floatFrom[k] = floats.get(k).offset();
            floatTo[k] = floats.get(k).offset() + floats.get(k).size();
            d += floats.get(k).size();
        }
        this.floatDimension = d;
    }

    /** The layout of an FRL-mask task's θ; {@code initial} is the network-wide initial vector (its scores give v_l). */
    public static FrlLayout of(ParamLayout layout, float[] initial) {
        return new FrlLayout(layout, initial);
    }

    /** The FRL-native layout of a task whose adapter is {@code frl-mask}; empty for every other adapter. */
    public static Optional<FrlLayout> forTask(Task task) {
        if (task.adapterSpec().kind() != AdapterKind.FRL_MASK) return Optional.empty();
        return Optional.of(of(task.layout(), task.initialVector()));
    }

    /** Length of the float part of a gossip message for this task: the head in FRL-native mode, θ otherwise. */
    public static int gossipDimension(Task task) {
        return forTask(task).map(FrlLayout::floatDimension).orElse(task.dimension());
    }

    /** Number of ranked layers. */
    public int layers() {
        return sortedInitial.length;
    }

    /** n_l, the edges of layer l (r²). */
    public int layerSize(int l) {
        return sortedInitial[l].length;
    }

    /** Length of the full θ. */
    public int dimension() {
        return dimension;
    }

    /** Length of the float-shared part (the head). */
    public int floatDimension() {
        return floatDimension;
    }

    /** The float-shared part of θ, its segments concatenated in layout order (a new array). */
    public float[] floats(float[] theta) {
        checkFull(theta);
        float[] out = new float[floatDimension];
        int at = 0;
        for (int k = 0; k < floatFrom.length; k++) {
            int n = floatTo[k] - floatFrom[k];
            System.arraycopy(theta, floatFrom[k], out, at, n);
            at += n;
        }
        return out;
    }

    /** Each layer's ranking of θ's scores: ascending, ties by ascending edge id (§3.2, §3.8 #2). */
    public int[][] rankings(float[] theta) {
        checkFull(theta);
        int[][] out = new int[layers()][];
        for (int l = 0; l < layers(); l++) {
            out[l] = RankVote.rankingOf(Arrays.copyOfRange(theta, layerOffsets[l], layerOffsets[l] + layerSize(l)));
        }
        return out;
    }

    /** θ from per-layer rankings (scores rebuilt as {@code s[G[p]] = v[p]}) and the float part. */
    public float[] assemble(int[][] rankings, float[] floats) {
        requireValid(rankings);
        if (floats.length != floatDimension) {
            throw new IllegalArgumentException(
                    "float part has " + floats.length + " values, expected " + floatDimension);
        }
        float[] theta = new float[dimension];
        for (int l = 0; l < layers(); l++) {
            float[] s = RankVote.scoresFromRanking(rankings[l], sortedInitial[l]);
            System.arraycopy(s, 0, theta, layerOffsets[l], s.length);
        }
        int at = 0;
        for (int k = 0; k < floatFrom.length; k++) {
            int n = floatTo[k] - floatFrom[k];
            System.arraycopy(floats, at, theta, floatFrom[k], n);
            at += n;
        }
        return theta;
    }

    /**
     * Why {@code rankings} is not a valid set of rankings for this layout (one permutation of 0..n_l−1 per layer), or
     * null when it is. Peer input: never throws.
     */
    public String problem(int[][] rankings) {
        if (rankings == null) return "no rankings";
        if (rankings.length != layers()) return rankings.length + " rankings, expected " + layers();
        for (int l = 0; l < layers(); l++) {
            int n = layerSize(l);
            int[] r = rankings[l];
            if (r == null || r.length != n) {
                return "ranking " + l + " has " + (r == null ? 0 : r.length) + " edges, expected " + n;
            }
            BitSet seen = new BitSet(n);
            for (int e : r) {
                if (e < 0 || e >= n || seen.get(e)) return "ranking " + l + " is not a permutation of 0.." + (n - 1);
                seen.set(e);
            }
        }
        return null;
    }

    private void requireValid(int[][] rankings) {
        String p = problem(rankings);
        if (p != null) throw new IllegalArgumentException(p);
    }

    private void checkFull(float[] theta) {
        if (theta.length != dimension) {
            throw new IllegalArgumentException("vector has " + theta.length + " values, layout needs " + dimension);
        }
    }
}
