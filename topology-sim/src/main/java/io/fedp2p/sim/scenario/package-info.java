/**
 * Simulation scenarios: the validated {@link io.fedp2p.sim.scenario.Scenario} (nodes, topology, task, learning
 * settings, Byzantine nodes and attack, defence, network and compute models, churn, evaluation, seed) and its YAML
 * form, read by {@link io.fedp2p.sim.scenario.ScenarioReader}. Keys are the {@code fedp2p sim} option names without
 * dashes (as for {@code fedp2p node --config}); unknown keys are errors that name the key and list the valid ones.
 */
package io.fedp2p.sim.scenario;
