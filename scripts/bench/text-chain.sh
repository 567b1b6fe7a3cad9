#!/usr/bin/env bash
# Text-stage benchmark (issue 3): `pretext run` of normalize → language → quality → pii
# (mode: replace) on an ingested dataset, each of those stages alone, against datatrove's chain
# of the same rules (scripts/bench/datatrove-text-chain.py) and each of its steps alone, in one
# run on the same generated JSONL input. See docs/benchmarks.md, "Text stages (issue 3)".
#
# Usage: scripts/bench/text-chain.sh [--mb N] [--parts K] [--input DIR] [--dt-files N]
#                                    [--no-datatrove] [--no-steps] [--no-build]
#
#   --mb N          size of the generated input in MB (default 200), written once, seeded, into
#                   $BENCH_DIR/corpus-<N>mb-<K>p/ as K files (default 10: 20 MB each)
#   --input DIR     use this directory of *.jsonl files instead of generating one
#   --dt-files N    datatrove reads only the first N input files (default 1: a 20 MB prefix of
#                   the same input; its quality filters run at well under 1 MB/s). Pretext runs
#                   on the whole input and on that prefix; ratios are per MB of input.
#   --no-datatrove  skip the datatrove runs (no peer venv needed)
#   --no-steps      skip the stage-alone / step-alone runs (the chains only)
#   --no-build      use $PRETEXT as is
#
# Pretext rows: ingest (reported apart), the chain with 1 and 2 workers, the chain on the prefix,
# the chain without the language stage (the rules datatrove's chain runs), each stage alone.
# datatrove rows: read+write only, the chain, each step alone, the four filters on every
# document (quality_all). `--dt-files K` with K = --parts runs datatrove on the whole input.
# The NFC/NFKC micro-benchmark: swift package --package-path Benchmarks benchmark --target
# NormalizeBenchmarks; its Python reference is written to $BENCH_DIR/logs/text-chain/unicodedata.txt.
#
# Environment: BENCH_DIR, DATATROVE_PYTHON, PRETEXT as for scripts/bench/ingest.sh.
#
# Every command runs under /usr/bin/time -v: wall time, user+sys CPU of the process and its
# waited-for children, peak RSS of the largest process. Rows go to
# $BENCH_DIR/text-chain-results.tsv (name, cores, input_bytes, wall_s, user_s, sys_s,
# peak_rss_kb, out_bytes, docs_in); the Markdown tables are printed at the end.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/pretext-bench}"
MB=200
PARTS=10
INPUT=""
DT_FILES=1
RUN_DATATROVE=1
RUN_STEPS=1
BUILD=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --mb) MB="$2"; shift 2 ;;
        --parts) PARTS="$2"; shift 2 ;;
        --input) INPUT="$2"; shift 2 ;;
        --dt-files) DT_FILES="$2"; shift 2 ;;
        --no-datatrove) RUN_DATATROVE=0; shift ;;
        --no-steps) RUN_STEPS=0; shift ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) sed -n '2,33p' "$0"; exit 0 ;;
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
    INPUT="$BENCH_DIR/corpus-${MB}mb-${PARTS}p"
    bench_corpus "$INPUT" "$MB" "$PARTS"
fi
WORK="$BENCH_DIR/text-chain"
LOGS="$BENCH_DIR/logs/text-chain"
RESULTS="$BENCH_DIR/text-chain-results.tsv"
rm -rf "$WORK"
mkdir -p "$WORK" "$LOGS"
: > "$RESULTS"

# The prefix: the first DT_FILES input files, copied (the same bytes).
PREFIX="$WORK/prefix-input"
mkdir -p "$PREFIX"
find "$INPUT" -maxdepth 1 -name '*.jsonl' | sort | head -n "$DT_FILES" | while read -r f; do cp "$f" "$PREFIX/"; done

INPUT_BYTES=$(cat "$INPUT"/*.jsonl | wc -c)
INPUT_DOCS=$(cat "$INPUT"/*.jsonl | wc -l)
PREFIX_BYTES=$(cat "$PREFIX"/*.jsonl | wc -c)
PREFIX_DOCS=$(cat "$PREFIX"/*.jsonl | wc -l)
echo "input: $INPUT ($INPUT_BYTES bytes, $INPUT_DOCS documents); prefix: $PREFIX_BYTES bytes, $PREFIX_DOCS documents" >&2
cat "$INPUT"/*.jsonl "$PREFIX"/*.jsonl > /dev/null  # warm the page cache

# run NAME CORES INPUT_BYTES DOCS OUTPUT COMMAND...: time COMMAND, append a row. Pretext exits
# 3 when records were rejected (the quality stage drops documents): that is success here.
run() {
    local name="$1" cores="$2" bytes="$3" docs="$4" output="$5"; shift 5
    rm -rf "$output"
    echo "== $name" >&2
    local status=0
    /usr/bin/time -v -o "$LOGS/$name.time" "$@" > "$LOGS/$name.log" 2>&1 || status=$?
    if [[ $status != 0 && $status != 3 ]]; then
        echo "error: $name failed (exit $status); see $LOGS/$name.log" >&2
        tail -20 "$LOGS/$name.log" >&2
        exit 1
    fi
    local out_bytes=0
    if [[ -e "$output" ]]; then out_bytes=$(du -sb "$output" | cut -f1); fi
    printf '%s\t%s\n' "$(bench_row "$name" "$cores" "$bytes" "$LOGS/$name.time" "$out_bytes")" "$docs" >> "$RESULTS"
}

# pipeline FILE OUTPUT DATASET WORKERS [nolang]: the text chain on an ingested dataset
# (without the language step when $5 is "nolang": the rules datatrove's chain runs).
pipeline() {
    local language="  - stage: language"
    if [[ "${5:-}" == nolang ]]; then language="  # no language stage"; fi
    cat > "$1" <<EOF
name: text-chain
output: $2
inputs: [$3]
execution:
  workers: $4
stages:
  - stage: normalize
$language
  - stage: quality
  - stage: pii
    mode: replace
EOF
}

# Ingest (reported, not part of the chain figure).
run pretext-ingest-w1 1 "$INPUT_BYTES" "$INPUT_DOCS" "$WORK/ingest" \
    "$PRETEXT" stage ingest --input "$INPUT" --output "$WORK/ingest" --workers 1 --quiet
run pretext-ingest-prefix-w1 1 "$PREFIX_BYTES" "$PREFIX_DOCS" "$WORK/ingest-prefix" \
    "$PRETEXT" stage ingest --input "$PREFIX" --output "$WORK/ingest-prefix" --workers 1 --quiet

# The chain: whole input (1 and 2 workers) and the datatrove prefix (1 worker).
pipeline "$WORK/chain-w1.yaml" "$WORK/chain-w1" "$WORK/ingest" 1
pipeline "$WORK/chain-w2.yaml" "$WORK/chain-w2" "$WORK/ingest" 2
pipeline "$WORK/chain-prefix.yaml" "$WORK/chain-prefix" "$WORK/ingest-prefix" 1
pipeline "$WORK/chain-nolang.yaml" "$WORK/chain-nolang" "$WORK/ingest" 1 nolang
run pretext-chain-w1 1 "$INPUT_BYTES" "$INPUT_DOCS" "$WORK/chain-w1" "$PRETEXT" run "$WORK/chain-w1.yaml" --quiet
run pretext-chain-w2 2 "$INPUT_BYTES" "$INPUT_DOCS" "$WORK/chain-w2" "$PRETEXT" run "$WORK/chain-w2.yaml" --quiet
run pretext-chain-prefix-w1 1 "$PREFIX_BYTES" "$PREFIX_DOCS" "$WORK/chain-prefix" \
    "$PRETEXT" run "$WORK/chain-prefix.yaml" --quiet
run pretext-chain-nolang-w1 1 "$INPUT_BYTES" "$INPUT_DOCS" "$WORK/chain-nolang" \
    "$PRETEXT" run "$WORK/chain-nolang.yaml" --quiet
"$PRETEXT" inspect "$WORK/chain-w1/04-pii" > "$LOGS/chain-w1.inspect" 2>&1 || true

# Each stage alone, one worker, every document: each reads the ingested dataset.
if [[ $RUN_STEPS == 1 ]]; then
    for stage in normalize language quality pii; do
        set_args=()
        if [[ $stage == pii ]]; then set_args=(--set mode=replace); fi
        run "pretext-$stage-w1" 1 "$INPUT_BYTES" "$INPUT_DOCS" "$WORK/stage-$stage" \
            "$PRETEXT" stage "$stage" --input "$WORK/ingest" --output "$WORK/stage-$stage" \
            "${set_args[@]}" --workers 1 --quiet
    done
fi

if [[ $RUN_DATATROVE == 1 ]]; then
    DT="$REPO/scripts/bench/datatrove-text-chain.py"
    run datatrove-read 1 "$PREFIX_BYTES" "$PREFIX_DOCS" "$WORK/dt-read" \
        "$DATATROVE_PYTHON" "$DT" "$PREFIX" "$WORK/dt-read" read
    run datatrove-chain 1 "$PREFIX_BYTES" "$PREFIX_DOCS" "$WORK/dt-chain" \
        "$DATATROVE_PYTHON" "$DT" "$PREFIX" "$WORK/dt-chain" chain
    # The Python reference for the NFC/NFKC micro-benchmark (Benchmarks, NormalizeBenchmarks).
    "$DATATROVE_PYTHON" "$DT" unicodedata > "$LOGS/unicodedata.txt"
    if [[ $RUN_STEPS == 1 ]]; then
        for step in nfc gopher_repetition gopher_quality c4 fineweb quality_all pii; do
            run "datatrove-$step" 1 "$PREFIX_BYTES" "$PREFIX_DOCS" "$WORK/dt-$step" \
                "$DATATROVE_PYTHON" "$DT" "$PREFIX" "$WORK/dt-$step" "$step"
        done
    fi
fi

python3 - "$RESULTS" <<'EOF'
import sys

rows = []
for line in open(sys.argv[1]):
    name, cores, size, wall, user, sys_, rss, out, docs = line.rstrip("\n").split("\t")
    cpu = float(user) + float(sys_)
    mb = int(size) / 1e6
    rows.append(dict(name=name, cores=int(cores), mb=mb, docs=int(docs), wall=float(wall), cpu=cpu,
                     user=float(user), sys=float(sys_), rss=int(rss) / 1024,
                     per_cpu=mb / cpu if cpu else float("nan"),
                     docs_cpu=int(docs) / cpu if cpu else float("nan"),
                     per_core_wall=mb / float(wall) / int(cores) if float(wall) else float("nan")))
print("| run | cores | input MB | docs | wall s | user+sys s | MB/s per CPU-s | docs/s per CPU-s "
      "| MB/s per core (wall) | peak RSS MiB |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for r in rows:
    print("| %s | %d | %.1f | %d | %.2f | %.2f (%.2f + %.2f) | %.2f | %.1f | %.2f | %.0f |" % (
        r["name"], r["cores"], r["mb"], r["docs"], r["wall"], r["cpu"], r["user"], r["sys"],
        r["per_cpu"], r["docs_cpu"], r["per_core_wall"], r["rss"]))
by = {r["name"]: r for r in rows}
dt = by.get("datatrove-chain")
if dt:
    print()
    print("| pretext run | ÷ datatrove-chain, MB/s per CPU-s | per core (wall) |")
    print("|---|---:|---:|")
    for r in rows:
        if r["name"].startswith("pretext-chain"):
            print("| %s | %.1f× | %.1f× |" % (r["name"], r["per_cpu"] / dt["per_cpu"],
                                           r["per_core_wall"] / dt["per_core_wall"]))
pairs = [("normalize", "nfc"), ("quality", "gopher_repetition"), ("quality", "gopher_quality"),
         ("quality", "c4"), ("quality", "fineweb"), ("quality", "quality_all"), ("pii", "pii")]
if any("datatrove-" + d in by for _, d in pairs):
    print()
    print("| pretext stage alone | datatrove step alone | MB/s per CPU-s (pretext / datatrove) | ratio |")
    print("|---|---|---:|---:|")
    for p, d in pairs:
        if "pretext-" + p + "-w1" in by and "datatrove-" + d in by:
            a, b = by["pretext-" + p + "-w1"], by["datatrove-" + d]
            print("| %s | %s | %.2f / %.2f | %.1f× |" % (p, d, a["per_cpu"], b["per_cpu"],
                                                    a["per_cpu"] / b["per_cpu"]))
EOF
