#!/usr/bin/env python3
"""cnnexp against the sum-first notebook's own PyTorch code, side by side in one run.

Runs, one after the other on the same machine and the same images, alternating so drift shows:
--rounds times (cnnexp, [cnnexp with --ablation's environment,] notebook), then cnnexp once more, where
  cnnexp   = `cnnexp run experiments/sumfirst.yaml` (both models, one seed, --epochs E),
  notebook = the notebook's loop (notebook_bench.py --model both --epochs E).
Ratios are between medians over the runs.
Each is a separate process, timed by wall clock, with its peak resident memory from
/usr/bin/time. Per-epoch training-pass times come from cnnexp's metrics.csv and the notebook
script's train_seconds; epoch 1 of each model is a warm-up and is not averaged.

Usage: python3 bench/notebook/side_by_side.py DATA_DIR [--epochs 3] [--rounds 1] [--threads 2] [--cnnexp PATH]
                                             [--ablation CNNEXP_LAYOUT=nchw,CNNEXP_MALLOC=default]
                                             [--ablation-set train.precision=bf16 ...]
--ablation and --ablation-set describe one more cnnexp run per round: with those environment
variables and/or those `--set` overrides (e.g. bf16 against cnnexp's fp32 default).
DATA_DIR: images dumped by `dotnet run -c Release --project bench/Cnnexp.Bench -- --dataset cifar10 --dump DATA_DIR`.
"""
import argparse, csv, json, os, shutil, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def timed(cmd, env=None):
    """Runs cmd under /usr/bin/time; returns (stdout, wall seconds, peak RSS MB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        start = time.perf_counter()
        p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", t.name] + cmd, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, env=env)
        wall = time.perf_counter() - start
        if p.returncode != 0:
            sys.exit(f"{' '.join(cmd)} failed ({p.returncode}):\n{p.stderr[-2000:]}")
        return p.stdout, wall, int(t.read().split()[-1]) / 1024


def cnnexp(exe, epochs, threads, extra_env=None, sets=()):
    out = tempfile.mkdtemp(prefix="cnnexp-sbs-")
    try:
        env = dict(os.environ, **(extra_env or {}))
        _, wall, rss = timed([exe, "run", os.path.join(REPO, "experiments", "sumfirst.yaml"), "--set", "seeds=[0]",
                              "--set", f"train.epochs={epochs}", *[x for kv in sets for x in ("--set", kv)],
                              "--threads", str(threads), "--out", out, "--quiet"], env)
        train = {}
        with open(os.path.join(out, "metrics.csv")) as f:
            for row in csv.DictReader(f):
                train.setdefault(row["model"], []).append(float(row["seconds"]))
        acc = json.load(open(os.path.join(out, "summary.json")))
        return {"wall": wall, "rss": rss, "train": train, "summary": acc}
    finally:
        shutil.rmtree(out, ignore_errors=True)


def notebook(data, epochs, threads):
    stdout, wall, rss = timed(["/usr/bin/python3", os.path.join(HERE, "notebook_bench.py"), data, "--epochs", str(epochs),
                               "--threads", str(threads), "--model", "both"])
    r = json.loads(stdout)
    return {"wall": wall, "rss": rss, "train": {m: v["train_seconds"] for m, v in r["models"].items()},
            "epoch": {m: v["epoch_seconds"] for m, v in r["models"].items()}, "torch": r["torch"]}


def steady(times):
    return statistics.mean(times[1:] if len(times) > 1 else times)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("data")
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--rounds", type=int, default=1)
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--cnnexp", default=shutil.which("cnnexp") or os.path.expanduser("~/.dotnet/tools/cnnexp"))
    p.add_argument("--ablation", metavar="VAR=VALUE,...",
                   help="also run cnnexp with these environment variables each round, e.g. "
                        "CNNEXP_LAYOUT=nchw,CNNEXP_MALLOC=default (how cnnexp 0.1 trained)")
    p.add_argument("--ablation-set", action="append", default=[], metavar="KEY=VALUE",
                   help="the extra cnnexp run also gets `--set KEY=VALUE` (repeatable), e.g. train.precision=bf16")
    a = p.parse_args()
    ablation = dict(kv.split("=", 1) for kv in a.ablation.split(",")) if a.ablation else None
    label = ", ".join(([a.ablation] if a.ablation else []) + [f"--set {kv}" for kv in a.ablation_set])
    print(f"{a.epochs} epochs per model, {a.threads} thread(s), cnnexp = {a.cnnexp}", file=sys.stderr)
    ours, theirs, ablated = [], [], []
    for i in range(a.rounds + 1):
        ours.append(cnnexp(a.cnnexp, a.epochs, a.threads))
        print(f"cnnexp:   {ours[-1]['wall']:.1f} s, {ours[-1]['rss']:.0f} MB", file=sys.stderr)
        if i == a.rounds:
            break
        if ablation or a.ablation_set:
            ablated.append(cnnexp(a.cnnexp, a.epochs, a.threads, ablation, a.ablation_set))
            print(f"cnnexp with {label}: {ablated[-1]['wall']:.1f} s, {ablated[-1]['rss']:.0f} MB", file=sys.stderr)
        theirs.append(notebook(a.data, a.epochs, a.threads))
        print(f"notebook: {theirs[-1]['wall']:.1f} s, {theirs[-1]['rss']:.0f} MB (torch {theirs[-1]['torch']})", file=sys.stderr)

    def cell(runs, f, fmt="{:.2f}"):
        values = [f(r) for r in runs]
        m = statistics.median(values)
        return m, (fmt.format(m) + (f" ({fmt.format(min(values))}-{fmt.format(max(values))})" if len(values) > 1 else ""))

    print(f"| {a.epochs} epochs per model, {a.threads} threads; median (range) of {len(theirs)} notebook and {len(ours)} cnnexp runs | notebook (PyTorch {theirs[0]['torch']}) | cnnexp | notebook / cnnexp |")
    print("|---|---:|---:|---:|")
    for m in ("standard", "sumfirst"):
        n, ns = cell(theirs, lambda r: steady(r["train"][m]))
        x, xs = cell(ours, lambda r: steady(r["train"][m]))
        print(f"| training pass per epoch, {m} (s) | {ns} | {xs} | **{n / x:.2f}x** |")
    n, ns = cell(theirs, lambda r: r["wall"], "{:.1f}")
    x, xs = cell(ours, lambda r: r["wall"], "{:.1f}")
    print(f"| whole run, both models, test pass every epoch (s) | {ns} | {xs} | **{n / x:.2f}x** |")
    n, x = max(r["rss"] for r in theirs), max(r["rss"] for r in ours)
    print(f"| peak resident memory, highest run (MB) | {n:.0f} | {x:.0f} | {n / x:.2f}x |")
    if ablated:
        print(f"\n| cnnexp with {label} ({len(ablated)} runs) | median (range) | notebook / it | it / cnnexp |")
        print("|---|---:|---:|---:|")
        for m in ("standard", "sumfirst"):
            n, _ = cell(theirs, lambda r: steady(r["train"][m]))
            x, _ = cell(ours, lambda r: steady(r["train"][m]))
            b, bs = cell(ablated, lambda r: steady(r["train"][m]))
            print(f"| training pass per epoch, {m} (s) | {bs} | {n / b:.2f}x | {b / x:.2f}x |")
        n, _ = cell(theirs, lambda r: r["wall"], "{:.1f}")
        x, _ = cell(ours, lambda r: r["wall"], "{:.1f}")
        b, bs = cell(ablated, lambda r: r["wall"], "{:.1f}")
        print(f"| whole run (s) | {bs} | {n / b:.2f}x | {b / x:.2f}x |")
        print(f"| peak resident memory, highest run (MB) | {max(r['rss'] for r in ablated):.0f} | | |")

if __name__ == "__main__":
    main()
