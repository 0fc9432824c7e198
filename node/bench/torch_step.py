#!/usr/bin/env python3
"""PyTorch reference timings for the fedp2p trainer benchmark (BENCHMARKS.md, "node trainer").

Times, on random data of the right shapes, with the given intra-op thread count:
  full     one SGD-momentum training step of EXPERIMENTS.md's cnn (batch 64), the whole network trained;
  cached   one FFA-LoRA step on cached frozen-prefix rows (ALGORITHMS.md 7.5.4): rows [W0 x + b | A x] of
           width 128 + r, trainable B (128 x r) and the head (10 x 128 + 10), as fedp2p's cached path does;
  eval     logits of one vector for 10,000 cached rows.
Prints one JSON object. Needs Debian's python3-torch (run with /usr/bin/python3).
"""
import argparse
import json
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def cnn():
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(3136, 128), nn.ReLU(), nn.Linear(128, 10))


def timed(step, warmup, iters, reps=5):
    """Minimum over reps of the mean time of iters calls, in ms (as TrainerBench does)."""
    for _ in range(warmup):
        step()
    best = float("inf")
    for _ in range(reps):
        t0 = time.perf_counter()
        for _ in range(iters):
            step()
        best = min(best, (time.perf_counter() - t0) / iters * 1000.0)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--rank", type=int, default=8)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    b, r = args.batch, args.rank

    model = cnn()
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    x = torch.randn(b, 1, 28, 28)
    y = torch.randint(0, 10, (b,))

    def full_step():
        opt.zero_grad()
        F.cross_entropy(model(x), y).backward()
        opt.step()

    rows = torch.randn(b, 128 + r)
    lora_b = torch.zeros(128, r, requires_grad=True)
    head_w = (torch.randn(10, 128) * 0.05).requires_grad_()
    head_b = torch.zeros(10, requires_grad=True)
    opt2 = torch.optim.SGD([lora_b, head_w, head_b], lr=0.05, momentum=0.9)
    scale = 16.0 / r

    def suffix(rws):
        z = rws[:, :128] + scale * rws[:, 128:] @ lora_b.t()
        return F.relu(z) @ head_w.t() + head_b

    def cached_step():
        opt2.zero_grad()
        F.cross_entropy(suffix(rows), y).backward()
        opt2.step()

    test_rows = torch.randn(10000, 128 + r)

    def evaluate():
        with torch.no_grad():
            suffix(test_rows).argmax(1)

    out = {
        "torch": torch.__version__,
        "threads": args.threads,
        "batch": b,
        "fullStepMs": timed(full_step, 5, 20),
        "cachedStepMs": timed(cached_step, 50, 100),
        "evalMs": timed(evaluate, 5, 1, reps=20),
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
