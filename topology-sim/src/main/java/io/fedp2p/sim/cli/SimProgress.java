package io.fedp2p.sim.cli;

import io.fedp2p.node.train.ProgressListener;
import io.fedp2p.sim.core.SimulationListener;
import io.fedp2p.sim.core.SimulationStart;
import io.fedp2p.sim.report.RoundRecord;
import io.fedp2p.sim.scenario.ChurnEvent;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of {@code fedp2p sim} on stderr (CLI.md): a bar when stderr is a terminal, otherwise log lines — for the
 * set-up work (pretraining, feature cache) at every tenth, and for the rounds one line per round (every tenth round
 * beyond 50 rounds). One instance per phase; close it when the phase ends.
 */
final class SimProgress implements SimulationListener, ProgressListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("io.fedp2p.sim");

    private final String label;
    private final boolean terminal;
    private ProgressBar bar;
    private long lastTenth = -1;
    private int rounds;

    SimProgress(String label, boolean terminal) {
        this.label = label;
        this.terminal = terminal;
    }

    @Override
    public void progress(long done, long total, String message) {
        if (terminal) {
            bar(total).stepTo(done);
            bar.setExtraMessage(message);
            return;
        }
        long tenth = total == 0 ? 10 : done * 10 / total;
        if (tenth != lastTenth) {
            lastTenth = tenth;
            log.info("{}: {}/{} {}", label, done, total, message);
        }
    }

    private ProgressBar bar(long total) {
        if (bar == null) {
            bar = new ProgressBarBuilder()
                    .setTaskName(label)
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .build();
        }
        return bar;
    }

    @Override
    public void onStart(SimulationStart start) {
        rounds = start.scenario().rounds();
        log.info(
                "{}: {} nodes ({} Byzantine), {} (spectral gap {}), {} rounds",
                label,
                start.scenario().nodes(),
                start.byzantine().size(),
                start.scenario().topology().format(),
                String.format(Locale.ROOT, "%.4g", start.spectralGap().gap()),
                rounds);
        if (terminal) bar(rounds);
    }

    @Override
    public void onRound(RoundRecord r) {
        String acc = r.accuracy() == null
                ? "-"
                : String.format(
                        Locale.ROOT,
                        "%.4f [%.4f, %.4f]",
                        r.accuracy().mean(),
                        r.accuracy().min(),
                        r.accuracy().max());
        String msg = String.format(
                Locale.ROOT, "acc %s, consensus %.3g, t=%.1fs", acc, r.consensusDistance(), r.virtualSeconds());
        if (terminal) {
            bar.stepTo(r.round() + 1);
            bar.setExtraMessage(msg);
        } else if (rounds <= 50 || (r.round() + 1) % Math.max(1, rounds / 10) == 0 || r.round() + 1 == rounds) {
            log.info("{}: round {}/{}: {}", label, r.round() + 1, rounds, msg);
        }
    }

    @Override
    public void onChurn(double t, ChurnEvent.Kind kind, boolean back, List<Integer> nodes) {
        log.info(
                "{}: t={}s {} {} node(s) {}",
                label,
                String.format(Locale.ROOT, "%.1f", t),
                back ? "back from crash:" : kind.key(),
                nodes.size(),
                nodes);
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
        bar = null;
    }
}
