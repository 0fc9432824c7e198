package io.fedp2p.node.encoder;

/**
 * The shape of a BERT encoder, read from its ONNX graph.
 *
 * @param layers transformer layers
 * @param hidden hidden width h
 * @param heads attention heads (h divisible by heads)
 * @param intermediate feed-forward width
 * @param vocab word-piece vocabulary size
 * @param maxPositions learned absolute positions (the longest input)
 * @param typeVocab token-type (segment) ids
 * @param layerNormEps the LayerNorm epsilon
 */
public record BertConfig(
        int layers,
        int hidden,
        int heads,
        int intermediate,
        int vocab,
        int maxPositions,
        int typeVocab,
        float layerNormEps) {
    public BertConfig {
        if (layers < 1 || hidden < 1 || heads < 1 || intermediate < 1 || vocab < 1 || maxPositions < 2) {
            throw new IllegalArgumentException("bad BERT shape " + layers + "x" + hidden + "/" + heads);
        }
        if (hidden % heads != 0) throw new IllegalArgumentException(heads + " heads do not divide width " + hidden);
        if (typeVocab < 1) throw new IllegalArgumentException("no token types");
        if (!(layerNormEps > 0)) throw new IllegalArgumentException("LayerNorm epsilon must be > 0");
    }

    public int headSize() {
        return hidden / heads;
    }

    /** Parameters of the encoder (embeddings and layers; no pooler or head). */
    public long parameterCount() {
        long emb = (long) (vocab + maxPositions + typeVocab) * hidden + 2L * hidden;
        long layer = 4L * (hidden * hidden + hidden) + 2L * hidden * intermediate + intermediate + hidden + 4L * hidden;
        return emb + layers * layer;
    }
}
