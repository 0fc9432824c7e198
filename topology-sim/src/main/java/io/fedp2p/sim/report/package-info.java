/**
 * Simulation outputs: the per-round {@link io.fedp2p.sim.report.RoundRecord}, {@code metrics.jsonl} ({@link
 * io.fedp2p.sim.report.MetricsWriter}), the deterministic {@code summary.json} ({@link
 * io.fedp2p.sim.report.SummaryJson}), the machine-dependent {@code run.json}, and the XChart plots ({@link
 * io.fedp2p.sim.report.Charts}).
 */
package io.fedp2p.sim.report;
