/**
 * The Byzantine scenario suite behind {@code fedp2p attack-matrix}: every attack of ALGORITHMS.md §6 against every
 * defence column, at one or more Byzantine fractions, each cell one deterministic simulation of the same scenario
 * (same seed, data, partition, topology and Byzantine placement), plus the reports (JSON, CSV, heat map, table).
 */
package io.fedp2p.examples.matrix;
