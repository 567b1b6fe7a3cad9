#!/usr/bin/env bash
# Dedupe at scale on one machine: MinHash dedupe of a generated near-duplicate corpus of
# millions of documents under several memory budgets, showing that a task's memory follows
# `memory_mb` (sorted runs spill to disk past it), plus precision/recall against the corpus's
# exact-Jaccard ground truth. Pretext only (the peers run in scripts/bench/dedupe.sh).
#
# Usage: scripts/bench/dedupe-scale.sh [--docs 2000000] [--workers 2] [--budgets "512 64"]
# Environment: BENCH_DIR (default ${TMPDIR:-/tmp}/pretext-bench), PRETEXT (a built binary).
# Needs about 10 GB of disk for 2 M documents (corpus 3.1 GB, ingested 1.3 GB, each run's
# output and work files).
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
source "$REPO/scripts/bench/common.sh"

DOCS=2000000
WORKERS=2
BUDGETS="512 64"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --docs) DOCS="$2"; shift 2 ;;
        --workers) WORKERS="$2"; shift 2 ;;
        --budgets) BUDGETS="$2"; shift 2 ;;
        *) echo "unknown argument: $1" >&2; exit 64 ;;
    esac
done

BENCH_DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/pretext-bench}"
WORK="$BENCH_DIR/dedupe-scale-$DOCS"
mkdir -p "$WORK"
bench_require_time
bench_pretext_binary
TOOLS="$REPO/.build-bench-tools/release"
for tool in pretext-neardup-corpus pretext-dedupe-eval; do
    swift build --package-path "$REPO/Benchmarks" -c release --scratch-path "$REPO/.build-bench-tools" \
        --product "$tool" >&2
done

CORPUS="$WORK/corpus"
if [[ ! -f "$CORPUS/truth.jsonl" ]]; then
    "$TOOLS/pretext-neardup-corpus" --docs "$DOCS" --seed 2 --files 16 --out "$CORPUS" >&2
fi
INPUT_BYTES=$(cat "$CORPUS"/part-*.jsonl | wc -c)

if [[ ! -f "$WORK/ingested/catalog.sqlite" ]]; then
    "$PRETEXT" stage ingest --input "$CORPUS/part-*.jsonl" --output "$WORK/ingested" \
        --workers "$WORKERS" --quiet >&2
fi

printf "| memory_mb | workers | wall s | user+sys s | docs/s per CPU-s | MB/s per CPU-s | peak RSS MiB | sorted runs | work files | removed | precision | recall |\n"
printf "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
for budget in $BUDGETS; do
    out="$WORK/minhash-$budget"
    rm -rf "$out"
    status=0
    /usr/bin/time -v -o "$WORK/time-$budget.txt" "$PRETEXT" stage dedupe --input "$WORK/ingested" --output "$out" \
        --set method=minhash --set memory_mb="$budget" --workers "$WORKERS" --quiet > "$WORK/log-$budget.txt" 2>&1 \
        || status=$?
    if [[ "$status" -ne 0 && "$status" -ne 3 ]]; then
        echo "error: dedupe failed ($status); see $WORK/log-$budget.txt" >&2
        exit 1
    fi
    runs=$(find "$out/work" -path '*signatures/*.bin' | wc -l)
    work_bytes=$(du -sb "$out/work" | cut -f1)
    "$PRETEXT" query "$out" "SELECT document FROM drops" --no-header > "$WORK/removed-$budget.txt"
    "$TOOLS/pretext-dedupe-eval" --truth "$CORPUS" --removed "$WORK/removed-$budget.txt" > "$WORK/eval-$budget.json"
    python3 - "$WORK/time-$budget.txt" "$WORK/eval-$budget.json" "$budget" "$WORKERS" "$DOCS" "$INPUT_BYTES" \
        "$runs" "$work_bytes" <<'PY'
import json, re, sys
time_file, eval_file, budget, workers, docs, input_bytes, runs, work_bytes = sys.argv[1:]
text = open(time_file).read()
user = float(re.search(r"User time \(seconds\): ([\d.]+)", text).group(1))
sys_s = float(re.search(r"System time \(seconds\): ([\d.]+)", text).group(1))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
clock = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", text).group(1)
wall = 0.0
for part in clock.split(":"):
    wall = wall * 60 + float(part)
cpu = user + sys_s
report = json.load(open(eval_file))
scores = report.get("any_keeper", report.get("scores", {}))
print(f"| {budget} | {workers} | {wall:.1f} | {cpu:.1f} | {int(docs) / cpu:,.0f} | {int(input_bytes) / 1e6 / cpu:.1f} | "
      f"{rss / 1024:.0f} | {runs} | {int(work_bytes) / 2**20:,.0f} MiB | {report['reported_removals']:,} | "
      f"{scores['precision']:.4f} | {scores['recall']:.4f} |")
PY
done
