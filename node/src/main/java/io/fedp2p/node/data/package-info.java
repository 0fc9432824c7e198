/**
 * Data: Fashion-MNIST from IDX files with format checks, the public/non-public split of EXPERIMENTS.md, seeded
 * partitioners (IID, Dirichlet, shards, quantity skew) with summaries, and the fortunes text corpus.
 */
package io.fedp2p.node.data;
