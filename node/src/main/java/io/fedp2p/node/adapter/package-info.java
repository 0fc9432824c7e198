/**
 * Adapter kinds and specs (ALGORITHMS.md §7, §3.9a), the canonical layout of the trainable vector, network-wide
 * frozen adapter matrices, Fed-SB's deterministic LoRA-SB initialisation and adapter files.
 */
package io.fedp2p.node.adapter;
