#!/usr/bin/env bash
# Loader benchmark (issue 13): Pretext's loader against `zstd -dc` (the decode ceiling) and
# MosaicML Streaming, in one run on the same BERT `mlm` example records. See docs/benchmarks.md,
# "Loader (issue 13)".
#
# Usage: scripts/bench/loader.sh [--mb MB] [--batches N] [--workers "0 1 2"] [--no-build]
#                                [--no-streaming] [--repeat R] [--columns-workers LIST]
#                                [--report-only]
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
#   --repeat R      zstd and Pretext (sub-second runs) run R times, the fastest counts (default 5)
#   --columns-workers LIST  worker counts for Streaming on the one-column-per-field MDS copy
#                   (default "0"; it is the slowest, minutes per epoch)
#   --report-only   no runs: the table again from the logs of the last run ($work/log-*)
#
# Environment: BENCH_DIR (default ${TMPDIR:-/tmp}/pretext-bench), PRETEXT (a release binary),
# STREAMING_PYTHON (default ../peers/streaming/bin/python next to the repository: a virtualenv
# with mosaicml-streaming, a CPU torch and zstandard; see the error message below).
#
# Every run is under /usr/bin/time -v, the page cache warm (shards read once before):
#   zstd        zstd -dc SHARDS > /dev/null (MB/s of decompressed bytes)
#   pretext-wW  pretext loader-bench DATASET --batch-size 32 --workers W --batches N
#   streaming-bytes-wW  streaming_peer.py read --workers W --batches N (StreamingDataset(
#               shuffle=True) + DataLoader(num_workers=W), int32 tensors) on the MDS copy with
#               one bytes column per record; its decompressed .mds files removed first, so it
#               decompresses like Pretext; once more with them kept (-raw)
#   streaming-cols-wW  the same on the MDS copy with one ndarray column per field
# Prints a Markdown table and the ratios of the issue's bars.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/pretext-bench}"
MB=100
BUILD=1
BATCHES=""
WORKERS="0 1 2"
STREAMING=1
REPORT_ONLY=0
REPEAT=5
STREAMING_COLUMNS_WORKERS=0
BATCH_SIZE=32
while [[ $# -gt 0 ]]; do
    case "$1" in
        --mb) MB="$2"; shift 2 ;;
        --batches) BATCHES="$2"; shift 2 ;;
        --workers) WORKERS="$2"; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        --no-streaming) STREAMING=0; shift ;;
        --report-only) REPORT_ONLY=1; shift ;;
        --repeat) REPEAT="$2"; shift 2 ;;
        --columns-workers) STREAMING_COLUMNS_WORKERS="$2"; shift 2 ;;
        -h|--help) sed -n '2,38p' "$0"; exit 0 ;;
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
    ../peers/streaming/bin/pip install torch --index-url "\$TORCH_CPU_INDEX"  # PyTorch's CPU-only wheel index
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
mds="$work/loader-mds"              # one MDS column per field (ndarray)
mds_bytes="$work/loader-mds-bytes"  # one bytes column: the whole record
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
if [[ "$STREAMING" == 1 ]]; then
    for layout in columns bytes; do
        out="$mds"; [[ "$layout" == bytes ]] && out="$mds_bytes"
        [[ -f "$out/pretext-schema.json" ]] && continue
        rm -rf "$out"
        echo "converting to MDS (zstd, $layout) for Streaming" >&2
        "$STREAMING_PYTHON" "$REPO/scripts/bench/streaming_peer.py" convert --dataset "$dataset" \
            --out "$out" --layout "$layout" >&2
    done
fi
echo "dataset: $examples examples of $((raw_bytes / examples)) bytes ($schema)"
echo "shards: ${#shards[@]}, $raw_bytes bytes decompressed, $stored_bytes stored"
[[ "$STREAMING" == 1 ]] && echo "MDS: $(du -sb --exclude='*.mds' "$mds" | cut -f1) bytes stored"
echo "batches per run: $batches of $BATCH_SIZE ($((batches * BATCH_SIZE)) examples)"
echo "load: $(uptime)"
echo "versions: $(zstd --version | head -1)"
[[ "$STREAMING" == 1 ]] && echo "versions: $("$STREAMING_PYTHON" "$REPO/scripts/bench/streaming_peer.py" check)"

cat "${shards[@]}" > /dev/null  # warm the page cache
[[ "$STREAMING" == 1 ]] && cat "$mds"/*.zstd "$mds_bytes"/*.zstd > /dev/null
results="$work/loader-results.tsv"
: > "$results"
metric() {  # metric LOG LABEL: the number after "LABEL: "
    sed -n "s|^$2: \([0-9.]*\).*|\1|p" "$1" | head -1
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

runs=(zstd)
for w in $WORKERS; do runs+=("pretext-w$w"); done
if [[ "$STREAMING" == 1 ]]; then
    for w in $WORKERS; do runs+=("streaming-bytes-w$w"); done
    runs+=("streaming-bytes-raw-w${WORKERS##* }")
    for w in $STREAMING_COLUMNS_WORKERS; do runs+=("streaming-cols-w$w"); done
fi
for run in "${runs[@]}"; do
    w="${run##*-w}"
    [[ "$run" == zstd ]] && w=1
    if [[ "$REPORT_ONLY" == 0 ]]; then
        echo "running $run" >&2
        case "$run" in
            zstd|pretext-*)  # fast: REPEAT runs, the fastest (wall) kept
                best=""
                for ((i = 0; i < REPEAT; i++)); do
                    if [[ "$run" == zstd ]]; then
                        bench_time "$work/time-try" "$work/log-try" sh -c 'zstd -dcq "$@" > /dev/null' sh "${shards[@]}"
                    else
                        bench_time "$work/time-try" "$work/log-try" "$PRETEXT" loader-bench "$dataset" \
                            --batch-size "$BATCH_SIZE" --workers "$w" --batches "$batches"
                    fi
                    wall=$(bench_row x 1 0 "$work/time-try" 0 | cut -f4)
                    if [[ -z "$best" ]] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then
                        best="$wall"
                        mv "$work/time-try" "$work/time-$run"; mv "$work/log-try" "$work/log-$run"
                    fi
                done ;;
            streaming-*)
                keep=(); [[ "$run" == *-raw-* ]] && keep=(--keep-raw)
                dir="$mds_bytes"; [[ "$run" == streaming-cols-* ]] && dir="$mds"
                OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 bench_time "$work/time-$run" "$work/log-$run" \
                    "$STREAMING_PYTHON" "$REPO/scripts/bench/streaming_peer.py" read --mds "$dir" \
                    --workers "$w" --batch-size "$BATCH_SIZE" --batches "$batches" "${keep[@]}" ;;
        esac
    fi
    cpu=""
    [[ "$run" == streaming-* ]] && cpu="$(metric "$work/log-$run" "cpu s (loader)")"
    record "$run" "$w" "$work/time-$run" "$work/log-$run" "$cpu"
done
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
    for peer_name in (f"streaming-bytes-w{w}", f"streaming-bytes-raw-w{w}", f"streaming-cols-w{w}"):
        peer = rows.get(peer_name)
        if peer:
            parts.append(f"{ex_s / peer[0]:.1f}x {peer_name} examples/s ({ex_cpu / peer[2]:.1f}x per CPU-s)")
    print("; ".join(parts))
EOF
