/** Wire-level Byzantine behaviour over real libp2p connections. */
package io.fedp2p.examples.wire;
