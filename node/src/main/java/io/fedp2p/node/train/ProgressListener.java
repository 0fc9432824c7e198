package io.fedp2p.node.train;

/** Receives progress of long work (pretraining, fine-tuning, cache building); the CLI draws a bar from it. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total, message) -> {};

    /** {@code done} of {@code total} units finished; {@code message} is a short status (e.g. the running loss). */
    void progress(long done, long total, String message);
}
