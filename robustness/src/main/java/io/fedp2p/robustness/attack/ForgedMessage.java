package io.fedp2p.robustness.attack;

import io.fedp2p.robustness.vector.Vectors;
import java.util.List;
import java.util.Objects;

/**
 * What a Byzantine node sends: the model θ_mal and the delta it claims, Δ_mal = θ_mal − θ_ref, so that the receiver's
 * delta/model consistency check has something to check (ALGORITHMS.md §6, vector space). At steps q ≥ 1 only θ
 * travels. Arrays belong to the caller.
 */
public final class ForgedMessage {
    private final float[] theta;
    private final float[] delta;
    private final List<String> notes;

    private ForgedMessage(float[] theta, float[] delta, List<String> notes) {
        this.theta = Objects.requireNonNull(theta, "theta");
        this.delta = Objects.requireNonNull(delta, "delta");
        this.notes = List.copyOf(notes);
    }

    /** θ_mal = θ_ref + Δ_mal. */
    public static ForgedMessage ofUpdate(float[] reference, float[] maliciousUpdate, List<String> notes) {
        return new ForgedMessage(Vectors.addScaled(reference, 1, maliciousUpdate), maliciousUpdate.clone(), notes);
    }

    /** A model, with Δ_mal = θ_mal − θ_ref. */
    public static ForgedMessage ofModel(float[] reference, float[] model, List<String> notes) {
        return new ForgedMessage(model, Vectors.subtract(model, reference), notes);
    }

    /** The honest message θ_ref + Δ_own. */
    public static ForgedMessage honest(AttackContext ctx, String note) {
        return ofUpdate(ctx.reference(), ctx.ownUpdate(), note.isEmpty() ? List.of() : List.of(note));
    }

    public float[] theta() {
        return theta;
    }

    public float[] delta() {
        return delta;
    }

    /** Remarks such as a fallback taken (ALIE's invalid formula, an empty knowledge set). */
    public List<String> notes() {
        return notes;
    }
}
