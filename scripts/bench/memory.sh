#!/usr/bin/env bash
# Peak memory of `pretext stage ingest` against input size: ingests generated corpora of each
# size given (default 1000 and 5000 MB, 8 files each) with 1 and 2 workers and reports peak
# RSS; it should not grow with the input. A benchmark, not a test: it needs disk for the input
# and the output (about 1.5 × the largest size); check `df -h "$BENCH_DIR"` first.
#
# Usage: scripts/bench/memory.sh [--sizes "1000 5000"] [--no-build] [--keep]
#   --keep   keep the generated inputs and outputs (default: outputs are removed after each
#            run; inputs are kept for re-runs, delete $BENCH_DIR/corpus-*mb yourself)
#
# Environment: BENCH_DIR, PRETEXT as in ingest.sh.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/pretext-bench}"
SIZES="1000 5000"
BUILD=1
KEEP=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --sizes) SIZES="$2"; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        --keep) KEEP=1; shift ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done

# shellcheck source=common.sh
source "$REPO/scripts/bench/common.sh"
bench_require_time
bench_pretext_binary "$BUILD"

LOGS="$BENCH_DIR/logs"
RESULTS="$BENCH_DIR/memory-results.tsv"
mkdir -p "$LOGS"
: > "$RESULTS"
for mb in $SIZES; do
    input="$BENCH_DIR/corpus-${mb}mb"
    bench_corpus "$input" "$mb" 8
    bytes=$(cat "$input"/*.jsonl | wc -c)
    for workers in 1 2; do
        name="pretext-w$workers-${mb}mb"
        output="$BENCH_DIR/memory-out"
        rm -rf "$output"
        echo "== $name" >&2
        bench_time "$LOGS/$name.time" "$LOGS/$name.log" \
            "$PRETEXT" stage ingest --input "$input" --output "$output" --workers "$workers" --quiet
        bench_row "$name" "$workers" "$bytes" "$LOGS/$name.time" "$(bench_output_bytes "$output")" >> "$RESULTS"
        if [[ $KEEP == 0 ]]; then rm -rf "$output"; fi
    done
done
bench_report "$RESULTS"
