#!/usr/bin/env bash
# Audit benchmark (issue 5): `pretext audit` and the `audit` stage on the bundled fixtures
# scaled up (scripts/bench/fixture-corpus.py: the fixture documents repeated under fresh ids,
# English, Chinese and eight other languages), with the bundled lexicons. See
# docs/benchmarks.md, "Audit (issue 5)".
#
# Usage: scripts/bench/audit.sh [--mb N] [--parts K] [--no-build]
#
#   --mb N       size of the generated JSONL input in MB (default 200), written once into
#                $BENCH_DIR/fixture-<N>mb-<K>p/ as K files (default 4)
#   --no-build   use $PRETEXT as is
#
# Rows (throughput per MB of document text, the catalog's `bytes` summed, not of JSONL):
#   pretext-audit-w1 / -w2     `pretext audit DATASET --no-history` with 1 and 2 threads
#   pretext-audit-stage-w1     `pretext stage audit` (also writes every document and its
#                              audit_* catalog columns again), 1 worker
#   pretext-audit-history-w1   `pretext audit` on a quality step's output, reading the
#                              documents it dropped back from its rejects as well
#   pretext-ingest-w1          ingest of the input (reported apart, per MB of JSONL)
#
# Environment: BENCH_DIR (default $TMPDIR/pretext-bench), PRETEXT (a built binary).
# Every command runs under /usr/bin/time -v; rows go to $BENCH_DIR/audit-results.tsv and the
# Markdown table is printed at the end.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/pretext-bench}"
MB=200
PARTS=4
BUILD=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --mb) MB="$2"; shift 2 ;;
        --parts) PARTS="$2"; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done

# shellcheck source=common.sh
source "$REPO/scripts/bench/common.sh"
bench_require_time
bench_pretext_binary "$BUILD"

mkdir -p "$BENCH_DIR"
INPUT="$BENCH_DIR/fixture-${MB}mb-${PARTS}p"
if [[ ! -d "$INPUT" ]]; then
    python3 "$REPO/scripts/bench/fixture-corpus.py" --mb "$MB" --parts "$PARTS" --out "$INPUT"
fi
WORK="$BENCH_DIR/audit"
LOGS="$BENCH_DIR/logs/audit"
RESULTS="$BENCH_DIR/audit-results.tsv"
rm -rf "$WORK"
mkdir -p "$WORK" "$LOGS"
: > "$RESULTS"
JSONL_BYTES=$(cat "$INPUT"/*.jsonl | wc -c)

# run NAME CORES BYTES OUTPUT COMMAND...: time COMMAND, append a row (exit 3, "finished with
# rejects", is success).
run() {
    local name="$1" cores="$2" bytes="$3" output="$4"; shift 4
    echo "== $name" >&2
    local status=0
    /usr/bin/time -v -o "$LOGS/$name.time" "$@" > "$LOGS/$name.log" 2>&1 || status=$?
    if [[ $status != 0 && $status != 3 ]]; then
        echo "error: $name failed (exit $status); see $LOGS/$name.log" >&2
        tail -20 "$LOGS/$name.log" >&2
        exit 1
    fi
    local out_bytes=0
    if [[ -n "$output" && -e "$output" ]]; then out_bytes=$(du -sb "$output" | cut -f1); fi
    bench_row "$name" "$cores" "$bytes" "$LOGS/$name.time" "$out_bytes" >> "$RESULTS"
}

text_bytes() { "$PRETEXT" query "$1" "SELECT sum(bytes) FROM documents" --no-header; }

run pretext-ingest-w1 1 "$JSONL_BYTES" "$WORK/ingest" \
    "$PRETEXT" stage ingest --input "$INPUT" --output "$WORK/ingest" --workers 1 --quiet
TEXT_BYTES=$(text_bytes "$WORK/ingest")
echo "input: $INPUT ($JSONL_BYTES bytes of JSONL, $TEXT_BYTES bytes of text)" >&2

cd "$REPO"
run pretext-audit-w1 1 "$TEXT_BYTES" "" \
    "$PRETEXT" audit "$WORK/ingest" --lexicons lexicons --no-history --workers 1
cp "$WORK/ingest/reports/audit.json" "$WORK/audit-w1.json"
run pretext-audit-w2 2 "$TEXT_BYTES" "" \
    "$PRETEXT" audit "$WORK/ingest" --lexicons lexicons --no-history --workers 2
cmp -s "$WORK/ingest/reports/audit.json" "$WORK/audit-w1.json" \
    || { echo "error: the reports of 1 and 2 threads differ" >&2; exit 1; }
run pretext-audit-stage-w1 1 "$TEXT_BYTES" "$WORK/stage" \
    "$PRETEXT" stage audit --input "$WORK/ingest" --output "$WORK/stage" --workers 1 --quiet \
    --set lexicons=lexicons --set history=false

# With history: a quality step drops documents; the audit of its output reads them back.
cat > "$WORK/history.yaml" <<EOF
name: audit-history
output: $WORK/history
inputs: [$WORK/ingest]
execution:
  workers: 2
stages:
  - stage: quality
EOF
"$PRETEXT" run "$WORK/history.yaml" --quiet > "$LOGS/history-pipeline.log" 2>&1 || [[ $? == 3 ]]
# Survivors and drops together are the ingested documents: the same text bytes.
run pretext-audit-history-w1 1 "$TEXT_BYTES" "" \
    "$PRETEXT" audit "$WORK/history/01-quality" --lexicons lexicons --workers 1

echo
bench_report "$RESULTS"
