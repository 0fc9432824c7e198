/** Shared test fixtures of the gossip module: the js-libp2p peer driver, test protocols, fixed keys. */
package io.fedp2p.gossip.testing;
