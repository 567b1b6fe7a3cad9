#!/usr/bin/env bash
# One large input (issue 15): the quickstart pipeline's corpus stages (ingest → normalize →
# language → quality → dedupe exact/minhash/lines → pii → segment → audit, with the
# quickstart's options) on ONE large plain JSONL file, with `workers: 1` and `workers: 2`,
# each run twice. See docs/benchmarks.md, "One large input (issue 15)".
#
# Usage: scripts/bench/one-large-input.sh [--mb N] [--input FILE] [--runs K] [--no-build]
#
#   --mb N       size of the generated input (default 250), written once into
#                $BENCH_DIR/one-large-<N>mb/part-00000.jsonl by fixture-corpus.py (the bundled
#                fixture texts repeated under fresh ids: realistic text for every filter)
#   --input FILE use this JSONL file instead
#   --runs K     runs per worker count (default 2), alternating 1 and 2 workers
#   --no-build   use $PRETEXT as is
#
# Prints, per run: the wall time, user+sys CPU and peak RSS (GNU time), then each step's wall
# time and each rank's busy time (from the catalog's runs), so an idle rank shows.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
source "$REPO/scripts/bench/common.sh"
BENCH_DIR="${BENCH_DIR:-/tmp/pretext-bench}"
MB=250
INPUT=""
RUNS=2
BUILD=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --mb) MB="$2"; shift 2 ;;
        --input) INPUT="$2"; shift 2 ;;
        --runs) RUNS="$2"; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done
bench_require_time
bench_pretext_binary "$BUILD"
if [[ -z "$INPUT" ]]; then
    CORPUS="$BENCH_DIR/one-large-${MB}mb"
    [[ -f "$CORPUS/part-00000.jsonl" ]] || python3 "$REPO/scripts/bench/fixture-corpus.py" --mb "$MB" --parts 1 --out "$CORPUS"
    INPUT="$CORPUS/part-00000.jsonl"
fi
WORK="$BENCH_DIR/one-large-runs"
mkdir -p "$WORK"

# pipeline WORKERS OUTPUT: the quickstart's corpus stages on $INPUT.
pipeline() {
    cat <<YAML
name: one-large-input
output: $2
inputs:
  - $INPUT
execution:
  workers: $1
stages:
  - stage: ingest
    text_key: text
    id_key: id
    max_document_bytes: 65536
  - stage: normalize
    form: nfc
    repair_mojibake: true
  - stage: language
    languages: []
  - stage: quality
    rules:
      - gopher_min_doc_words=30
      - c4_min_num_sentences=3
  - stage: dedupe
    method: exact
  - stage: dedupe
    method: minhash
  - stage: dedupe
    method: lines
    min_words: 30
  - stage: pii
    mode: replace
    ip_scope: all
  - stage: segment
  - stage: audit
    lexicons: $REPO/lexicons
YAML
}

# steps OUTPUT: each step's wall time (first task start to last task end) and its ranks' busy
# times, from the catalogs' runs.
steps() {
    for dataset in "$1"/*/; do
        sqlite3 -separator ' ' "$dataset/catalog.sqlite" "
            SELECT '  ' || stage || ': ' ||
              printf('%.2f', (julianday(max(finished_at)) - julianday(min(started_at))) * 86400) || ' s; ranks ' ||
              group_concat(printf('%.2f', (julianday(finished_at) - julianday(started_at)) * 86400), ' / ') ||
              ' s; docs in ' || group_concat(docs_in, ' / ')
            FROM (SELECT * FROM runs ORDER BY rank)"
    done
}

echo "input: $INPUT ($(stat -c %s "$INPUT") bytes); load: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$RUNS"); do
    for workers in 1 2; do
        output="$WORK/w$workers"
        rm -rf "$output"
        pipeline "$workers" "$output" > "$WORK/pipeline-w$workers.yaml"
        /usr/bin/time -v -o "$WORK/time.txt" "$PRETEXT" run "$WORK/pipeline-w$workers.yaml" --quiet > "$WORK/out.txt" || {
            status=$?
            [[ $status == 3 ]] || { cat "$WORK/out.txt" >&2; exit $status; }
        }
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/time.txt")
        cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u + s}' "$WORK/time.txt")
        rss=$(awk -F': ' '/Maximum resident/ {printf "%d", $2 / 1024}' "$WORK/time.txt")
        echo "run $run, workers $workers: wall $wall, user+sys ${cpu} s, peak RSS ${rss} MiB, load $(cut -d' ' -f1 /proc/loadavg)"
        steps "$output"
    done
done
