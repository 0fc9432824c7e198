/**
 * {@code fedp2p aggregate} (CLI.md): applies one robustness rule or filter to vectors given as JSON, for users who want
 * to try a rule on their own data. Registered in the top-level command by the examples module.
 */
package io.fedp2p.robustness.cli;
