package io.fedp2p.node.adapter;

/** An adapted dense layer's name and size: {@code W ∈ ℝ^{out×in}}. */
public record LayerShape(String name, int in, int out) {
    public LayerShape {
        if (in < 1 || out < 1) throw new IllegalArgumentException("bad layer size " + out + "x" + in);
    }
}
