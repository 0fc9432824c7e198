package io.fedp2p.node.cli;

import io.fedp2p.node.train.ProgressListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A progress bar on stderr when the process runs in a terminal, otherwise a log line at every tenth of the work
 * (CLI.md). One per task; close it when the task ends.
 */
final class Progress implements ProgressListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Progress.class);

    private final String task;
    private final boolean terminal;
    private ProgressBar bar;
    private long lastLoggedTenth = -1;

    Progress(String task) {
        this.task = task;
        this.terminal = System.console() != null;
    }

    @Override
    public void progress(long done, long total, String message) {
        if (terminal) {
            if (bar == null) {
                bar = new ProgressBarBuilder()
                        .setTaskName(task)
                        .setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err))
                        .build();
            }
            bar.stepTo(done);
            bar.setExtraMessage(message);
        } else {
            long tenth = total == 0 ? 10 : done * 10 / total;
            if (tenth != lastLoggedTenth) {
                lastLoggedTenth = tenth;
                log.info("{}: {}/{} {}", task, done, total, message);
            }
        }
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
