/** Benchmarks of whole fedp2p processes (run explicitly, never as part of the test suite). */
package io.fedp2p.examples.bench;
