#!/usr/bin/env bash
# Fuzzes one target for a set time on one core:  fuzz/run.sh TARGET DURATION [CORE]
#   TARGET    yaml | spec | data | tar  (fuzz/Cnnexp.Fuzz.Targets)
#   DURATION  e.g. 20m, 1h, 90s
#   CORE      the CPU to pin afl-fuzz and the harness to (default 1)
# Builds the harness, instruments the cnnexp assemblies (and YamlDotNet) with SharpFuzz, runs
# afl-fuzz with fuzz/corpus/TARGET as seeds, copies every crash and hang to fuzz/crashes/TARGET/
# (the replay test in tests/Cnnexp.Fuzz.Tests runs them) and prints the run's numbers.
# Needs: afl-fuzz (apt-get install afl++) and the SharpFuzz.CommandLine 2.3.0 dotnet tool.
# Not part of CI; CI replays the corpus instead.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: fuzz/run.sh yaml|spec|data|tar DURATION [CORE]}
duration=${2:?usage: fuzz/run.sh TARGET DURATION, e.g. 20m}
core=${3:-1}
[[ -d fuzz/corpus/$target ]] || { echo "no corpus fuzz/corpus/$target" >&2; exit 2; }
case $duration in
  *h) seconds=$(( ${duration%h} * 3600 )) ;;
  *m) seconds=$(( ${duration%m} * 60 )) ;;
  *s) seconds=${duration%s} ;;
  *) seconds=$duration ;;
esac

command -v afl-fuzz >/dev/null || { echo "afl-fuzz is missing: apt-get install afl++" >&2; exit 2; }
export PATH="$PATH:$HOME/.dotnet/tools"
command -v sharpfuzz >/dev/null || dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0

# A fresh output folder each time: sharpfuzz refuses an assembly it has already instrumented.
bin=artifacts/fuzz/bin
rm -rf "$bin"
# No hard links: the build links package files to the NuGet cache where it can, and sharpfuzz
# rewrites a file in place, which would instrument every project's copy of YamlDotNet on the machine.
taskset -c "$core" dotnet build fuzz/Cnnexp.Fuzz -c Release -o "$bin" -v quiet -nologo \
  -p:CreateHardLinksForCopyLocalIfPossible=false -p:CreateHardLinksForPublishFilesIfPossible=false
for dll in Cnnexp.Spec Cnnexp.Engine YamlDotNet; do
  cp "$bin/$dll.dll" "$bin/$dll.dll.own" && mv -f "$bin/$dll.dll.own" "$bin/$dll.dll"   # a file of our own, whatever the build did
  taskset -c "$core" sharpfuzz "$bin/$dll.dll" >/dev/null
done

out=artifacts/fuzz/$target-$(date +%Y%m%d-%H%M%S)
mkdir -p "$out"
echo "fuzzing $target for ${seconds}s on core $core; afl output in $out"
# The harness is a .NET program, not an afl-instrumented binary: skip afl's binary and CPU
# checks, and pin with taskset rather than afl's own core picking.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
       AFL_NO_UI=1 AFL_FORKSRV_INIT_TMOUT=60000 DOTNET_TieredPGO=0
# The spec targets get a dictionary of spec keys, kinds and YAML syntax.
dict=()
[[ $target == yaml || $target == spec ]] && dict=(-x fuzz/dict/spec.dict)
set +e
taskset -c "$core" afl-fuzz -i "fuzz/corpus/$target" -o "$out" "${dict[@]}" -t 5000 -m none -V "$seconds" \
  -- dotnet "$bin/Cnnexp.Fuzz.dll" "$target" > "$out/afl.log" 2>&1
status=$?
set -e
tail -n 5 "$out/afl.log"

stats=$out/default/fuzzer_stats
[[ -f $stats ]] || { echo "afl-fuzz did not start (exit $status); see $out/afl.log" >&2; exit 1; }
stat() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }

mkdir -p "fuzz/crashes/$target"
found=0
for kind in crashes hangs; do
  for f in "$out/default/$kind"/id:*; do
    [[ -f $f ]] || continue
    name="$kind-$(sha1sum "$f" | cut -c1-12)"
    cp "$f" "fuzz/crashes/$target/$name"
    found=$((found + 1))
  done
done

printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' target seconds execs exec/s paths coverage crashes hangs
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$(stat run_time)" "$(stat execs_done)" "$(stat execs_per_sec)" \
  "$(stat corpus_count)" "$(stat bitmap_cvg)" "$(stat saved_crashes)" "$(stat saved_hangs)"
(( found == 0 )) || echo "$found input(s) copied to fuzz/crashes/$target/: replay one with
  dotnet $bin/Cnnexp.Fuzz.dll $target fuzz/crashes/$target/FILE"
