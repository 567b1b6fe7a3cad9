#!/usr/bin/env bash
# Sequential read benchmark: `pretext cat DATASET > /dev/null` vs `zstd -dc shards/*.zst >
# /dev/null` on the same dataset, plus a streaming read through the library
# (Benchmarks' pretext-stream-read: ShardReader.forEachRecord over every shard, in file order).
# See docs/benchmarks.md.
#
# Usage: scripts/bench/read.sh [DATASET] [--no-build]
#   DATASET defaults to $BENCH_DIR/ingest-out/pretext (written by scripts/bench/ingest.sh).
#
# Environment: BENCH_DIR, PRETEXT as in ingest.sh; STREAM_READ: the pretext-stream-read binary
# (default: built with swift build --package-path Benchmarks -c release).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/pretext-bench}"
DATASET=""
BUILD=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) BUILD=0; shift ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) DATASET="$1"; shift ;;
    esac
done
DATASET="${DATASET:-$BENCH_DIR/ingest-out/pretext}"
[[ -d "$DATASET/shards" ]] || { echo "error: $DATASET is not a dataset (run scripts/bench/ingest.sh first)" >&2; exit 1; }

# shellcheck source=common.sh
source "$REPO/scripts/bench/common.sh"
bench_require_time
bench_pretext_binary "$BUILD"
if [[ -z "${STREAM_READ:-}" ]]; then
    if [[ "$BUILD" == 1 ]]; then
        (cd "$REPO" && swift build --package-path Benchmarks -c release --product pretext-stream-read >&2)
    fi
    STREAM_READ="$REPO/Benchmarks/.build/release/pretext-stream-read"
fi

LOGS="$BENCH_DIR/logs"
RESULTS="$BENCH_DIR/read-results.tsv"
mkdir -p "$LOGS"
: > "$RESULTS"
SHARDS=("$DATASET"/shards/*.zst)
echo "dataset: $DATASET (${#SHARDS[@]} shards); warming the page cache, counting raw bytes" >&2
RAW_BYTES=$(zstd -dc "${SHARDS[@]}" | wc -c)
cat "$DATASET/catalog.sqlite" > /dev/null

run() {
    local name="$1"; shift
    echo "== $name" >&2
    bench_time "$LOGS/$name.time" "$LOGS/$name.log" "$@"
    bench_row "$name" 1 "$RAW_BYTES" "$LOGS/$name.time" 0 >> "$RESULTS"
}

run zstd-dc sh -c 'zstd -dc -q "$@" > /dev/null' zstd "${SHARDS[@]}"
run pretext-cat sh -c '"$0" cat "$1" > /dev/null' "$PRETEXT" "$DATASET"
if [[ -x "$STREAM_READ" ]]; then
    run pretext-stream-forEachRecord sh -c '"$0" "$1" --write > /dev/null' "$STREAM_READ" "$DATASET"
else
    echo "note: $STREAM_READ not built; skipping the library streaming read" >&2
fi

echo "raw (decompressed) bytes: $RAW_BYTES; MB/s below are raw MB per second"
bench_report "$RESULTS"
