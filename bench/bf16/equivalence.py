#!/usr/bin/env python3
"""Issue 16, item 3: is bf16 equivalent to fp32 within a margin, for each model of a run?

Reads a finished run of bench/bf16/equivalence.yaml (metrics.csv), pairs every `NAME_bf16` model with
`NAME` by seed, and tests equivalence of the final-epoch test accuracy with the two one-sided tests
procedure (Schuirmann, 1987, J. Pharmacokinet. Biopharm. 15(6), 657-680): bf16 and fp32 are
equivalent within +/-margin points, at level 5%, when the 90% paired-t confidence interval of the
mean difference lies inside (-margin, +margin).

    bench/bf16/equivalence.py RUN_DIR [--margin 1.0]
"""
import argparse
import csv
import math
import os
import statistics
import sys

# Student's t, 95th percentile (one-sided 5%, i.e. a two-sided 90% interval), by degrees of freedom.
T95 = {1: 6.3138, 2: 2.9200, 3: 2.3534, 4: 2.1318, 5: 2.0150, 6: 1.9432, 7: 1.8946, 8: 1.8595, 9: 1.8331,
       10: 1.8125, 11: 1.7959, 12: 1.7823, 13: 1.7709, 14: 1.7613, 15: 1.7531, 16: 1.7459, 17: 1.7396,
       18: 1.7341, 19: 1.7291, 20: 1.7247, 25: 1.7081, 30: 1.6973}


def t95(df):
    if df in T95:
        return T95[df]
    return T95[max(k for k in T95 if k <= df)] if df < 30 else 1.6449  # conservative between table rows


def final_accuracies(run):
    last = {}
    with open(os.path.join(run, "metrics.csv"), newline="") as f:
        for row in csv.DictReader(f):
            key = (row["model"], int(row["seed"]))
            epoch = int(row["epoch"])
            if key not in last or epoch > last[key][0]:
                last[key] = (epoch, 100.0 * float(row["test_accuracy"]))
    return {k: v[1] for k, v in last.items()}, {k: v[0] for k, v in last.items()}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("run")
    p.add_argument("--margin", type=float, default=1.0, help="equivalence margin in accuracy points (default 1)")
    a = p.parse_args()
    acc, epochs = final_accuracies(a.run)
    models = sorted({m for m, _ in acc})
    pairs = [(m[: -len("_bf16")], m) for m in models if m.endswith("_bf16") and m[: -len("_bf16")] in models]
    if not pairs:
        sys.exit(f"{a.run}: no NAME / NAME_bf16 pair of models in metrics.csv")
    print(f"| model | seeds | fp32 mean % | bf16 mean % | bf16 - fp32 per seed (points) | mean | 90% CI | within ±{a.margin:g}? |")
    print("|---|---:|---:|---:|---|---:|---|---|")
    verdicts = []
    for fp32, bf16 in pairs:
        seeds = sorted(s for m, s in acc if m == fp32 and (bf16, s) in acc and epochs[(fp32, s)] == epochs[(bf16, s)])
        d = [acc[(bf16, s)] - acc[(fp32, s)] for s in seeds]
        n = len(d)
        mean = statistics.fmean(d)
        half = t95(n - 1) * statistics.stdev(d) / math.sqrt(n) if n > 1 else math.inf
        lo, hi = mean - half, mean + half
        ok = -a.margin < lo and hi < a.margin
        verdicts.append(ok)
        print(f"| {fp32} | {n} | {statistics.fmean(acc[(fp32, s)] for s in seeds):.2f} | {statistics.fmean(acc[(bf16, s)] for s in seeds):.2f} | "
              f"{', '.join(f'{x:+.2f}' for x in d)} | {mean:+.2f} | [{lo:+.2f}, {hi:+.2f}] | {'equivalent' if ok else 'not shown'} |")
    return 0 if all(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
