/**
 * Network emulation in user space for tests and experiments on kernels without {@code netem}: {@link DelayRelay}, a
 * TCP relay that delays every byte by a fixed one-way latency in each direction ({@code fedp2p relay}).
 */
package io.fedp2p.examples.netem;
