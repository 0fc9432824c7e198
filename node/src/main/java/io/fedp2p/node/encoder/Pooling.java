package io.fedp2p.node.encoder;

/** How a sentence embedding is made from the last hidden states (before L2 normalisation). */
public enum Pooling {
    /** Mean over the tokens the attention mask keeps (sentence-transformers' all-MiniLM-L6-v2). */
    MEAN,
    /** The hidden state of the first token, {@code [CLS]} (BGE). */
    CLS
}
