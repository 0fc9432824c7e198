/** The gossip module's commands (CLI.md): {@code keygen}, {@code id}, {@code listen}, {@code ping}, {@code perf}. */
package io.fedp2p.gossip.cli;
