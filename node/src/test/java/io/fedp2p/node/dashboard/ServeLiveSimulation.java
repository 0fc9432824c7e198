package io.fedp2p.node.dashboard;

/**
 * Manual check: serves a {@link LiveSimulation} on 127.0.0.1:PORT (first argument, default 0), one round per
 * 400 ms, until killed. Run from the test classpath to look at the dashboard in a browser.
 */
final class ServeLiveSimulation {
    private ServeLiveSimulation() {}

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        LiveSimulation sim = new LiveSimulation(12, new int[] {3, 8}, rounds);
        try (DashboardServer server = DashboardServer.start(sim.hub, new ServeAddress("127.0.0.1", port))) {
            System.out.println(server.url());
            sim.start();
            while (sim.runRound()) Thread.sleep(400);
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
