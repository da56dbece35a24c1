#!/usr/bin/env python3
"""Calibrates the alignment rule of `policyq compare` (Sources/PolicyCompare/AlignmentRule.swift)
on the gold alignments.

    mkdir -p /tmp/scores
    policyq eval Tests/GoldAlignment --scores-out /tmp/scores
    python3 Scripts/calibrate-alignment.py /tmp/scores

`eval --scores-out` writes, per gold alignment, every pair of measures compare scored with
its evidence (heading, body, containment, heading in body, terms, shared departments and
indicators, section titles, place, best sentence, same heading), whether shared passages
linked it, and whether it is a gold pair. This script fits the weights of the combined
evidence (a logistic regression with a little L2, on the evidence, on how the pair ranks
among each measure's candidates by the base score, and on the base score of its
neighbours (i-1, j-1) and (i+1, j+1)), then the probability threshold with the best pooled
F1 over measure pairs. One set of values for every document: nothing is fitted per
document. It prints the values as Swift to paste into AlignmentRule.swift, the F1 of each
alignment, and a leave-one-out figure (each alignment scored with the values fitted on
the others) that says how much the fit flatters the score. Pairs of shared passages and
of identical headings left unaligned link whatever the model says, as compare does.
"""
import argparse
import glob
import os

import numpy as np

FEATURES = ["heading", "body", "containment", "heading_in_body", "terms", "departments",
            "indicators", "context", "position", "sentence"]
# The base score ranks candidates and gives the neighbour support: fixed, not fitted.
BASE = np.array([0.3, 0.1, 0.2, 0.15, 0.15, 0.05, 0.05, 0.05, 0.05, 0.2])
# Evidence beyond the base features, as the scores files name it (e.g. restated).
EXTRA = []
# Evidence left out of the fit (--without), to see what each kind adds.
WITHOUT = []
NAMES = FEATURES + ["same_heading", "passages", "larger_share_of_best", "smaller_share_of_best",
                    "best_of_either", "best_of_both", "neighbours"]


def load(folder):
    files = []
    for path in sorted(glob.glob(os.path.join(folder, "*.tsv"))):
        with open(path, encoding="utf-8") as f:
            gold = int(f.readline().split()[2])
            names = f.readline().rstrip("\n").split("\t")
            rows = [dict(zip(names, line.rstrip("\n").split("\t"))) for line in f if line.strip()]
        x = np.array([[float(r[n]) for n in FEATURES] for r in rows]).reshape(-1, len(FEATURES))
        x[:, 5] = np.minimum(x[:, 5], 1)  # some department shared
        x[:, 6] = np.minimum(x[:, 6], 1)  # some indicator shared
        x[:, 8] = 1 - x[:, 8]  # nearness of place
        # Evidence beyond the base features: the columns between sentence and same_heading.
        extra_names = [n for n in names[names.index("sentence") + 1:names.index("same_heading")]
                       if n not in WITHOUT]
        EXTRA[:] = extra_names
        extra = np.array([[float(r[n]) for n in extra_names] for r in rows]).reshape(
            len(rows), len(extra_names))
        files.append(dict(
            extra=extra,
            name=os.path.basename(path)[:-4], gold=gold, x=x,
            a=np.array([int(r["a"]) for r in rows]), b=np.array([int(r["b"]) for r in rows]),
            same=np.array([r["same_heading"] == "1" for r in rows], dtype=bool),
            passages=np.array([r["passages"] == "1" for r in rows], dtype=bool),
            is_gold=np.array([r["gold"] == "1" for r in rows], dtype=bool)))
    return files


def inputs(f):
    """The model's inputs for each scored pair, as compare computes them."""
    s = f["x"] @ BASE
    best_a, best_b, by_pair = {}, {}, {}
    for a, b, v in zip(f["a"], f["b"], s):
        best_a[a] = max(best_a.get(a, 0), v)
        best_b[b] = max(best_b.get(b, 0), v)
        by_pair[(a, b)] = v
    ra = np.array([v / best_a[a] if best_a[a] > 0 else 0 for a, v in zip(f["a"], s)])
    rb = np.array([v / best_b[b] if best_b[b] > 0 else 0 for b, v in zip(f["b"], s)])
    nb = np.array([max(by_pair.get((a - 1, b - 1), 0), by_pair.get((a + 1, b + 1), 0))
                   for a, b in zip(f["a"], f["b"])])
    # The larger and the smaller of the two shares, so that the sides are interchangeable.
    return np.column_stack([f["x"], f["extra"], f["same"], f["passages"], np.maximum(ra, rb), np.minimum(ra, rb),
                            np.maximum(ra, rb) >= 1, np.minimum(ra, rb) >= 1, nb, np.ones(len(s))])


def fit(files, l2=0.001, steps=20000, rate=1.0):
    x = np.vstack([inputs(f) for f in files])
    y = np.concatenate([f["is_gold"] for f in files]).astype(float)
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        w -= rate * (x.T @ (p - y) / len(y) + l2 * np.r_[w[:-1], 0])
    return w


def link(f, w, threshold):
    p = 1 / (1 + np.exp(-inputs(f) @ w))
    linked = (p >= threshold) | f["passages"]
    aligned_a, aligned_b = set(f["a"][linked]), set(f["b"][linked])
    for i in np.nonzero(f["same"] & ~linked)[0]:
        if f["a"][i] not in aligned_a or f["b"][i] not in aligned_b:
            linked[i] = True
    return linked


def score(files, w, threshold):
    m = e = g = 0
    rows = []
    for f in files:
        linked = link(f, w, threshold)
        mm, ee = int((linked & f["is_gold"]).sum()), int(linked.sum())
        rows.append((f["name"], f["gold"], ee, mm))
        m, e, g = m + mm, e + ee, g + f["gold"]
    p, r = m / max(e, 1), m / max(g, 1)
    return (0 if p + r == 0 else 2 * p * r / (p + r)), p, r, rows


def calibrate(files):
    w = fit(files)
    best = max((score(files, w, t)[0], t) for t in np.arange(0.2, 0.71, 0.05))
    return w, round(float(best[1]), 2)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--without", action="append", default=[],
                        help="leave this column of evidence out of the fit (repeatable)")
    args = parser.parse_args()
    WITHOUT[:] = args.without
    files = load(args.folder)
    w, threshold = calibrate(files)
    f1, p, r, rows = score(files, w, threshold)
    print(f"fitted on {len(files)} alignments: pooled F1 {f1:.3f} (P {p:.3f}, R {r:.3f}), "
          f"threshold {threshold}")
    for name, gold, found, matched in rows:
        print(f"  {name}: gold {gold} found {found} matched {matched}")
    print("weights (Swift):")
    names = FEATURES + EXTRA + NAMES[len(FEATURES):]
    print("    " + ", ".join(f"{n}: {v:.3f}" for n, v in zip(names + ["bias"], w)))
    m = e = g = 0
    for i, held in enumerate(files):
        w_i, t_i = calibrate(files[:i] + files[i + 1:])
        _, _, _, [(name, gold, found, matched)] = score([held], w_i, t_i)
        m, e, g = m + matched, e + found, g + gold
    p, r = m / max(e, 1), m / max(g, 1)
    print(f"leave-one-out: pooled F1 {2 * p * r / max(p + r, 1e-9):.3f} (P {p:.3f}, R {r:.3f})")


if __name__ == "__main__":
    main()
