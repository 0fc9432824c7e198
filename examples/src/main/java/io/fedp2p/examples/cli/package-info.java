/** The examples module's commands: {@code fedp2p attack-matrix}, {@code fedp2p demo} and {@code fedp2p relay}. */
package io.fedp2p.examples.cli;
