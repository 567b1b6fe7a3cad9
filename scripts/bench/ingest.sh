#!/usr/bin/env bash
# Whole-process ingest benchmark: zstd -3 (the ceiling) vs datatrove vs `pretext stage ingest`,
# in one run, on the same generated JSONL input. See docs/benchmarks.md.
#
# Usage: scripts/bench/ingest.sh [--mb N] [--input DIR] [--no-datatrove] [--no-build]
#
#   --mb N          size of the generated input in MB (default 1000); generated once, seeded,
#                   into $BENCH_DIR/corpus-<N>mb/ as 8 files (Pretext and datatrove split work
#                   by file)
#   --input DIR     use this directory of *.jsonl files instead of generating one
#   --no-datatrove  skip the datatrove runs (no peer venv needed)
#   --no-build      use $PRETEXT as is
#
# Environment:
#   BENCH_DIR         work directory for inputs, outputs, logs (default ${TMPDIR:-/tmp}/pretext-bench);
#                     keep it out of the repository
#   DATATROVE_PYTHON  python of a virtualenv with datatrove[processing,io] (default:
#                     ../peers/datatrove/bin/python relative to the repository root)
#   PRETEXT           the pretext binary (default: built here with
#                     swift build -c release --scratch-path .build-bench --product pretext)
#
# Every command runs under /usr/bin/time -v (Debian package `time`): wall time, user+sys CPU
# of the process and all its waited-for children, and the peak RSS of the largest process.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/pretext-bench}"
MB=1000
INPUT=""
RUN_DATATROVE=1
BUILD=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --mb) MB="$2"; shift 2 ;;
        --input) INPUT="$2"; shift 2 ;;
        --no-datatrove) RUN_DATATROVE=0; shift ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done

# shellcheck source=common.sh
source "$REPO/scripts/bench/common.sh"

bench_require_time
bench_pretext_binary "$BUILD"
if [[ $RUN_DATATROVE == 1 ]]; then bench_require_datatrove; fi

mkdir -p "$BENCH_DIR"
if [[ -z "$INPUT" ]]; then
    INPUT="$BENCH_DIR/corpus-${MB}mb"
    bench_corpus "$INPUT" "$MB" 8
fi
INPUT_BYTES=$(cat "$INPUT"/*.jsonl | wc -c)
OUT="$BENCH_DIR/ingest-out"
LOGS="$BENCH_DIR/logs"
RESULTS="$BENCH_DIR/ingest-results.tsv"
mkdir -p "$OUT" "$LOGS"
: > "$RESULTS"

echo "input: $INPUT ($INPUT_BYTES bytes, $(ls "$INPUT"/*.jsonl | wc -l) files); warming the page cache" >&2
cat "$INPUT"/*.jsonl > /dev/null

# run NAME CORES OUTPUT_PATH COMMAND...: time COMMAND, append a row to $RESULTS.
run() {
    local name="$1" cores="$2" output="$3"; shift 3
    rm -rf "$output"
    echo "== $name" >&2
    bench_time "$LOGS/$name.time" "$LOGS/$name.log" "$@"
    local out_bytes=0
    if [[ -e "$output" ]]; then out_bytes=$(bench_output_bytes "$output"); fi
    bench_row "$name" "$cores" "$INPUT_BYTES" "$LOGS/$name.time" "$out_bytes" >> "$RESULTS"
}

run zstd-3 1 "$OUT/zstd.zst" sh -c "zstd -3 -q -c \"\$@\" > '$OUT/zstd.zst'" zstd "$INPUT"/*.jsonl
if [[ $RUN_DATATROVE == 1 ]]; then
    run datatrove-zstd10 1 "$OUT/datatrove" \
        "$DATATROVE_PYTHON" "$REPO/scripts/bench/datatrove-ingest.py" "$INPUT" "$OUT/datatrove" 1 1
    run datatrove-zstd3 1 "$OUT/datatrove" env DATATROVE_ZSTD_LEVEL=3 \
        "$DATATROVE_PYTHON" "$REPO/scripts/bench/datatrove-ingest.py" "$INPUT" "$OUT/datatrove" 1 1
fi
run pretext-w1 1 "$OUT/pretext" "$PRETEXT" stage ingest --input "$INPUT" --output "$OUT/pretext" --workers 1 --quiet
run pretext-w2 2 "$OUT/pretext" "$PRETEXT" stage ingest --input "$INPUT" --output "$OUT/pretext" --workers 2 --quiet

bench_report "$RESULTS"
