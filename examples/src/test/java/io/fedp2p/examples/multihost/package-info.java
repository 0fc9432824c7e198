/** The multi-host test: fedp2p nodes in separate Linux network namespaces over an emulated lossy, slow LAN. */
package io.fedp2p.examples.multihost;
