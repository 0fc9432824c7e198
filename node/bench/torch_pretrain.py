#!/usr/bin/env python3
"""PyTorch reference for `fedp2p pretrain` (BENCHMARKS.md, "node trainer"): EXPERIMENTS.md's cnn trained from
scratch on the first N Fashion-MNIST training images of the given classes (SGD momentum 0.9, lr 0.05, batch 64,
5 epochs, normalisation mean 0.286 std 0.353), test accuracy on the 10,000 test images. Reads the Debian
dataset-fashion-mnist files. Prints one JSON object per seed. Run with /usr/bin/python3 (python3-torch)."""
import argparse
import gzip
import json

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

D = "/usr/share/datasets/fashion-mnist/"


def idx(name, header):
    with gzip.open(D + name) as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=header)


def load(prefix):
    x = idx(prefix + "-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28).astype(np.float32)
    y = idx(prefix + "-labels-idx1-ubyte.gz", 8).astype(np.int64)
    return torch.from_numpy((x / 255.0 - 0.286) / 0.353), torch.from_numpy(y)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument("--public-size", type=int, default=10000)
    ap.add_argument("--classes", default="all")
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    xtr, ytr = load("train")
    xte, yte = load("t10k")
    xtr, ytr = xtr[: args.public_size], ytr[: args.public_size]
    if args.classes != "all":
        lo, hi = (int(v) for v in args.classes.split("-"))
        keep = (ytr >= lo) & (ytr <= hi)
        xtr, ytr = xtr[keep], ytr[keep]
    for seed in args.seeds:
        torch.manual_seed(seed)
        model = nn.Sequential(
            nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(3136, 128), nn.ReLU(), nn.Linear(128, 10))
        opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
        for _ in range(5):
            perm = torch.randperm(len(ytr))
            for s in range(0, len(ytr), 64):
                b = perm[s: s + 64]
                opt.zero_grad()
                F.cross_entropy(model(xtr[b]), ytr[b]).backward()
                opt.step()
        with torch.no_grad():
            acc = (model(xte).argmax(1) == yte).float().mean().item()
        print(json.dumps({"seed": seed, "classes": args.classes, "images": len(ytr), "testAccuracy": acc}), flush=True)


if __name__ == "__main__":
    main()
