/** The node module's commands: {@code pretrain} and {@code train} (CLI.md, "Learning"). */
package io.fedp2p.node.cli;
