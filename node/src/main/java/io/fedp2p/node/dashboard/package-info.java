/**
 * The live web dashboard of a node or a simulation: a thread-safe model of one run ({@link
 * io.fedp2p.node.dashboard.DashboardHub}) fed by the node runtime ({@link io.fedp2p.node.dashboard.NodeDashboard}), a
 * simulator or a finished run's files ({@link io.fedp2p.node.dashboard.RunReplay}); HTTP routes that serve the
 * browser assets from the jar and a server-sent-event stream ({@link io.fedp2p.node.dashboard.DashboardRoutes}); and
 * a stand-alone server for simulations and replays ({@link io.fedp2p.node.dashboard.DashboardServer}). Read-only: only
 * GET requests, no keys or private settings in any payload.
 */
package io.fedp2p.node.dashboard;
