/** Benchmarks of the round engine (run explicitly; no assertions). */
package io.fedp2p.node.bench;
