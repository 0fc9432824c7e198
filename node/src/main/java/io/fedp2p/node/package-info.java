/**
 * The fedp2p peer: the DJL trainer ({@code train}, {@code adapter}, {@code model}, {@code data}) and its CLI. The
 * engine-facing trainer API lives in {@link io.fedp2p.node.train}; {@link io.fedp2p.node.SeedTree} hands out every
 * random stream.
 */
package io.fedp2p.node;
