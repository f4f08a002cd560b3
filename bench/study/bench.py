#!/usr/bin/env python3
"""Whole-study benchmarks of the cnnexp command line: configurations run alternately, round after
round, in one session on one machine; reports each one's median wall time, peak resident memory
and training-pass seconds per epoch, and ratios against the first (the baseline).

    bench/study/bench.py --spec experiments/sumfirst.yaml --rounds 3 \
        --config "0.2=--jobs 1" --config "new=--jobs auto" -- --set seeds=[0,1,2,3,4] --set train.epochs=2

Each --config is NAME=EXTRA-ARGS for `cnnexp run`; arguments after `--` go to every run.
CNNEXP (default: `cnnexp` on PATH) names the command, e.g. "dotnet src/Cnnexp.Cli/bin/Release/net10.0/Cnnexp.Cli.dll".
"""
import argparse, csv, os, re, shlex, shutil, statistics, subprocess, tempfile, time

def cpu():
    model, flags = "?", set()
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name") and model == "?": model = line.split(":", 1)[1].strip()
            if line.startswith("flags") and not flags: flags = set(line.split(":", 1)[1].split())
    keep = [x for x in ["avx2", "fma", "avx512f", "avx512_bf16", "amx_tile", "amx_bf16"] if x in flags]
    return f"{model}, {os.cpu_count()} cores, flags: {' '.join(keep)}"

def run(command, spec, extra, common, out):
    args = command + ["run", spec, "--out", out, "--quiet"] + extra + common
    t0 = time.monotonic()
    p = subprocess.run(["/usr/bin/time", "-f", "PEAK %M"] + args, capture_output=True, text=True)
    wall = time.monotonic() - t0
    if p.returncode != 0: raise SystemExit(f"failed ({p.returncode}): {' '.join(args)}\n{p.stdout}\n{p.stderr}")
    peak = int(re.search(r"PEAK (\d+)", p.stderr).group(1)) / 1024
    with open(os.path.join(out, "metrics.csv")) as f:
        rows = list(csv.DictReader(f))
    train = statistics.median(float(r["seconds"]) for r in rows)
    return wall, peak, train, rows, verdict(out)

def verdict(out):
    """The report's answer: each comparison's outcome and the seeds behind it (summary.json)."""
    import json
    with open(os.path.join(out, "summary.json")) as f:
        summary = json.load(f)
    parts = [f"{c['a']} vs {c['b']}: {c.get('outcome') or c.get('verdict', '?')} "
             f"({c['mean_difference'] * 100:+.2f} points, {c['n']} seeds)" for c in summary.get("comparisons", [])]
    return "; ".join(parts) or "no comparison"

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--spec", required=True)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--config", action="append", required=True, help="NAME=EXTRA ARGS")
    ap.add_argument("common", nargs="*")
    a = ap.parse_args()
    command = shlex.split(os.environ.get("CNNEXP", "cnnexp"))
    configs = [(c.split("=", 1)[0], shlex.split(c.split("=", 1)[1])) for c in a.config]
    print(f"machine: {cpu()}")
    print(f"spec: {a.spec} {' '.join(a.common)}; {a.rounds} round(s), configurations alternating")
    results = {name: [] for name, _ in configs}
    tmp = tempfile.mkdtemp(prefix="cnnexp-study-bench-")
    try:
        for r in range(a.rounds):
            order = configs if r % 2 == 0 else list(reversed(configs))
            for name, extra in order:
                out = os.path.join(tmp, f"{name}-{r}")
                wall, peak, train, rows, answer = run(command, a.spec, extra, a.common, out)
                results[name].append((wall, peak, train))
                print(f"round {r + 1} {name}: {wall:.1f} s wall, peak {peak:.0f} MB, median training pass {train:.2f} s per epoch ({len(rows)} epochs); {answer}", flush=True)
                shutil.rmtree(out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    base = configs[0][0]
    bw = statistics.median(w for w, _, _ in results[base])
    print("\n| configuration | wall s (median) | throughput vs " + base + " | peak MB (max) | training pass s/epoch (median) |")
    print("|---|---:|---:|---:|---:|")
    for name, _ in configs:
        w = statistics.median(x[0] for x in results[name])
        print(f"| {name} | {w:.1f} | {bw / w:.2f}x | {max(x[1] for x in results[name]):.0f} | {statistics.median(x[2] for x in results[name]):.2f} |")

if __name__ == "__main__":
    main()
