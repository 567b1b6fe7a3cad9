#!/usr/bin/env bash
# Loader benchmark (issue 13): Pretext's loader against `zstd -dc` (the decode ceiling) and
# MosaicML Streaming, in one run on the same BERT `mlm` example records. See docs/benchmarks.md,
# "Loader (issue 13)".
#
# Usage: scripts/bench/loader.sh [--mb MB] [--batches N] [--workers "0 1 2"] [--no-build]
#                                [--no-streaming]
#
#   --mb MB         corpus size (default 100); the examples dataset is made as in
#                   scripts/bench/examples.sh (ingest, segment, tokenizer wordpiece 32000,
#                   tokenize) then `stage mlm --set dupe_factor=1`, in $BENCH_DIR/examples-MB/,
#                   reused when there (loader-mlm/; its MDS copy loader-mds/)
#   --batches N     batches per run (default: examples / 32, one epoch)
#   --workers LIST  worker counts (default "0 1 2"): Pretext's loader threads and the
#                   DataLoader's worker processes
#   --no-build      use $PRETEXT (or .build-bench) as it is
#   --no-streaming  skip the MosaicML Streaming peer
#
# Environment: BENCH_DIR (default ${TMPDIR:-/tmp}/pretext-bench), PRETEXT (a release binary),
# STREAMING_PYTHON (default ../peers/streaming/bin/python next to the repository: a virtualenv
# with mosaicml-streaming, a CPU torch and zstandard; see the error message below).
#
# Every run is under /usr/bin/time -v, the page cache warm (shards read once before):
#   zstd        zstd -dc SHARDS > /dev/null (MB/s of decompressed bytes)
#   pretext-wW  pretext loader-bench DATASET --batch-size 32 --workers W --batches N
#   streaming-wW  streaming_peer.py read --workers W --batches N (StreamingDataset(shuffle=True)
#               + DataLoader(num_workers=W), int32 tensors; its decompressed .mds files removed
#               first, so it decompresses like Pretext), and once with them kept (-raw)
# Prints a Markdown table and the ratios of the issue's bars.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/pretext-bench}"
MB=100
BUILD=1
BATCHES=""
WORKERS="0 1 2"
STREAMING=1
BATCH_SIZE=32
while [[ $# -gt 0 ]]; do
    case "$1" in
        --mb) MB="$2"; shift 2 ;;
        --batches) BATCHES="$2"; shift 2 ;;
        --workers) WORKERS="$2"; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        --no-streaming) STREAMING=0; shift ;;
        -h|--help) sed -n '2,29p' "$0"; exit 0 ;;
        *) echo "unknown argument $1" >&2; exit 64 ;;
    esac
done
# shellcheck source=common.sh
source "$REPO/scripts/bench/common.sh"
bench_require_time
bench_pretext_binary "$BUILD"
command -v zstd > /dev/null || { echo "error: zstd CLI missing (apt-get install -y zstd)" >&2; exit 1; }
if [[ "$STREAMING" == 1 ]]; then
    STREAMING_PYTHON="${STREAMING_PYTHON:-$REPO/../peers/streaming/bin/python}"
    if [[ ! -x "$STREAMING_PYTHON" ]] || ! "$STREAMING_PYTHON" "$REPO/scripts/bench/streaming_peer.py" check > /dev/null 2>&1; then
        cat >&2 <<EOF
error: no MosaicML Streaming virtualenv at STREAMING_PYTHON=$STREAMING_PYTHON
  create one outside the repository (a CPU torch first, or pip pulls the CUDA build, ~6 GB):
    python3 -m venv ../peers/streaming
    ../peers/streaming/bin/pip install torch --index-url https://download.pytorch.org/whl/cpu
    ../peers/streaming/bin/pip install mosaicml-streaming zstandard
  (or a local CPU wheel: pip install "torch==X+cpu" mosaicml-streaming with --find-links; then
   pip uninstall torchvision: PyPI's is built for the CUDA torch; streaming_peer.py stubs it)
  or pass --no-streaming.
EOF
        exit 1
    fi
fi

work="$BENCH_DIR/examples-$MB"
dataset="$work/loader-mlm"
mds="$work/loader-mds"
mkdir -p "$work"
bench_corpus "$work/corpus" "$MB" 4
if [[ ! -d "$work/tokens" ]]; then  # the same preparation as examples.sh
    "$PRETEXT" stage ingest --input "$work/corpus" --output "$work/ingested" --workers 2 --quiet
    "$PRETEXT" stage segment --input "$work/ingested" --output "$work/segmented" --workers 2 --quiet
    "$PRETEXT" stage tokenizer --input "$work/segmented" --output "$work/tokenizer" --workers 2 --quiet \
        --set model=wordpiece --set vocab_size=32000
    "$PRETEXT" stage tokenize --input "$work/tokenizer" --output "$work/tokens" --workers 2 --quiet
fi > /dev/null
if [[ ! -f "$dataset/catalog.sqlite" ]]; then
    "$PRETEXT" stage mlm --input "$work/tokens" --output "$dataset" --workers 2 --quiet \
        --set dupe_factor=1 > /dev/null
fi
catalog="$dataset/catalog.sqlite"
examples=$(sqlite3 "$catalog" "SELECT sum(records) FROM shards WHERE kind = 'examples'")
raw_bytes=$(sqlite3 "$catalog" "SELECT sum(bytes_raw) FROM shards WHERE kind = 'examples'")
stored_bytes=$(sqlite3 "$catalog" "SELECT sum(bytes_compressed) FROM shards WHERE kind = 'examples'")
schema=$(sqlite3 "$catalog" "SELECT value FROM dataset_meta WHERE key = 'record_schema'")
mapfile -t shards < <(sqlite3 "$catalog" "SELECT path FROM shards WHERE kind = 'examples' ORDER BY id")
shards=("${shards[@]/#/$dataset/}")
batches="${BATCHES:-$((examples / BATCH_SIZE))}"
if [[ "$STREAMING" == 1 && ! -f "$mds/pretext-schema.json" ]]; then
    rm -rf "$mds"
    echo "converting to MDS (zstd) for Streaming" >&2
    "$STREAMING_PYTHON" "$REPO/scripts/bench/streaming_peer.py" convert --dataset "$dataset" --out "$mds" >&2
fi
echo "dataset: $examples examples of $((raw_bytes / examples)) bytes ($schema)"
echo "shards: ${#shards[@]}, $raw_bytes bytes decompressed, $stored_bytes stored"
[[ "$STREAMING" == 1 ]] && echo "MDS: $(du -sb --exclude='*.mds' "$mds" | cut -f1) bytes stored"
echo "batches per run: $batches of $BATCH_SIZE ($((batches * BATCH_SIZE)) examples)"
echo "load: $(uptime)"
echo "versions: $(zstd --version | head -1)"
[[ "$STREAMING" == 1 ]] && echo "versions: $("$STREAMING_PYTHON" "$REPO/scripts/bench/streaming_peer.py" check)"

cat "${shards[@]}" > /dev/null  # warm the page cache
[[ "$STREAMING" == 1 ]] && cat "$mds"/*.zstd > /dev/null
results="$work/loader-results.tsv"
: > "$results"
metric() {  # metric LOG LABEL: the number after "LABEL: "
    sed -n "s/^$2: \([0-9.]*\).*/\1/p" "$1" | head -1
}
record() {  # record NAME WORKERS TIMEFILE LOG CPU_OVERRIDE
    local name="$1" workers="$2" timefile="$3" log="$4" cpu="${5:-}"
    bench_row "$name" "$workers" "$raw_bytes" "$timefile" 0 | {
        IFS=$'\t' read -r n w _ wall user sys rss _
        [[ -n "$cpu" ]] || cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$w" "$wall" "$cpu" "$rss" \
            "$(metric "$log" "time to first batch")" "$(metric "$log" "examples/s")" \
            "$(metric "$log" "MB/s (records)")"
    } >> "$results"
}

echo "running zstd -dc" >&2
bench_time "$work/time-zstd" "$work/log-zstd" sh -c 'zstd -dcq "$@" > /dev/null' sh "${shards[@]}"
record zstd 1 "$work/time-zstd" "$work/log-zstd"
for w in $WORKERS; do
    echo "running pretext loader-bench --workers $w" >&2
    bench_time "$work/time-pretext-w$w" "$work/log-pretext-w$w" \
        "$PRETEXT" loader-bench "$dataset" --batch-size "$BATCH_SIZE" --workers "$w" --batches "$batches"
    record "pretext-w$w" "$w" "$work/time-pretext-w$w" "$work/log-pretext-w$w"
done
if [[ "$STREAMING" == 1 ]]; then
    for w in $WORKERS; do
        echo "running streaming --workers $w" >&2
        OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 bench_time "$work/time-streaming-w$w" "$work/log-streaming-w$w" \
            "$STREAMING_PYTHON" "$REPO/scripts/bench/streaming_peer.py" read --mds "$mds" \
            --workers "$w" --batch-size "$BATCH_SIZE" --batches "$batches"
        record "streaming-w$w" "$w" "$work/time-streaming-w$w" "$work/log-streaming-w$w" \
            "$(metric "$work/log-streaming-w$w" "cpu s (loader)")"
    done
    w="${WORKERS##* }"
    echo "running streaming --workers $w with its decompressed shards kept" >&2
    OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 bench_time "$work/time-streaming-raw-w$w" "$work/log-streaming-raw-w$w" \
        "$STREAMING_PYTHON" "$REPO/scripts/bench/streaming_peer.py" read --mds "$mds" \
        --workers "$w" --batch-size "$BATCH_SIZE" --batches "$batches" --keep-raw
    record "streaming-raw-w$w" "$w" "$work/time-streaming-raw-w$w" "$work/log-streaming-raw-w$w" \
        "$(metric "$work/log-streaming-raw-w$w" "cpu s (loader)")"
fi
echo "load after: $(uptime)"

python3 - "$results" "$raw_bytes" "$((batches * BATCH_SIZE))" "$((raw_bytes / examples))" <<'EOF'
import sys
path, raw_bytes, examples, record = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rows = {}
print("| run | workers | wall s | CPU s | first batch ms | examples/s | MB/s (records) | examples per CPU-s | MB/s per CPU-s | peak RSS MiB |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for line in open(path):
    name, w, wall, cpu, rss, first, ex, mb = line.rstrip("\n").split("\t")
    wall, cpu = float(wall), float(cpu)
    if name == "zstd":
        mb_s = raw_bytes / 1e6 / wall
        per_cpu = raw_bytes / 1e6 / cpu
        ex_s, ex_cpu, first = raw_bytes / record / wall, raw_bytes / record / cpu, "—"
    else:
        mb_s, ex_s = float(mb), float(ex)
        per_cpu, ex_cpu = examples * record / 1e6 / cpu, examples / cpu
    rows[name] = (ex_s, mb_s, ex_cpu, per_cpu, first)
    print(f"| {name} | {w} | {wall:.2f} | {cpu:.2f} | {first} | {ex_s:,.0f} | {mb_s:.1f} | "
          f"{ex_cpu:,.0f} | {per_cpu:.1f} | {int(rss) / 1024:.0f} |")
print()
zstd = rows.get("zstd")
for name, (ex_s, mb_s, ex_cpu, per_cpu, first) in rows.items():
    if not name.startswith("pretext-"):
        continue
    w = name.split("-w")[1]
    parts = [f"{name}: first batch {first} ms"]
    if zstd:
        parts.append(f"{mb_s / zstd[1]:.2f}x zstd -dc MB/s (wall), {per_cpu / zstd[3]:.2f}x per CPU-s")
    peer = rows.get(f"streaming-w{w}")
    if peer:
        parts.append(f"{ex_s / peer[0]:.2f}x streaming-w{w} examples/s, {ex_cpu / peer[2]:.2f}x per CPU-s")
    raw = rows.get(f"streaming-raw-w{w}")
    if raw:
        parts.append(f"{ex_s / raw[0]:.2f}x streaming-raw-w{w}")
    print("; ".join(parts))
EOF
