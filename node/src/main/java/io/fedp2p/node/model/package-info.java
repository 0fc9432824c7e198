/**
 * Backbones: the vision architectures ({@code cnn}, {@code mlp}) and the text one ({@code tiny-gpt}), their
 * functional DJL forward passes, the frozen {@link io.fedp2p.node.model.Backbone} with its content hash, and the
 * file format shared with adapters.
 */
package io.fedp2p.node.model;
