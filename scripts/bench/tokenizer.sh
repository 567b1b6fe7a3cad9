#!/usr/bin/env bash
# Tokenizer benchmark: Pretext's `tokenizer` stage and encoder against HF `tokenizers` (training
# and encoding) and `tiktoken` (encoding), in one run on the same JSONL input. See
# docs/benchmarks.md.
#
# Usage: scripts/bench/tokenizer.sh [--mb N] [--parts K] [--input DIR] [--vocab V] [--workers W]
#                                   [--repeat R] [--only PARTS] [--models M] [--no-build]
#
#   --mb N        size of the generated corpus in MB (default 200): scripts/bench/gen-corpus.py
#                 (seed 1) into $BENCH_DIR/corpus-<N>mb-<K>p/, K files (--parts, default 4),
#                 reused when there
#   --input DIR   use the *.jsonl files of DIR instead ({"text"[, "lang"]} lines)
#   --vocab V     vocabulary size of every training (default 32000)
#   --workers W   Pretext's workers and HF's RAYON_NUM_THREADS for training (default 2)
#   --repeat R    encoding: each tool encodes the texts R times, the fastest counts (default 3)
#   --only PARTS  comma-separated subset of train, encode, fertility (default: all; encode and
#                 fertility need the tokenizers of an earlier train in the same $BENCH_DIR)
#   --models M    comma-separated subset of bpe, wordpiece, unigram (default: all); the rows of
#                 the other models from an earlier run stay in the results
#   --no-build    use $PRETEXT and $THROUGHPUT as they are
#
# Once, not timed: `pretext stage ingest` of the input into WORK/ingested.
# (a) TRAIN, under /usr/bin/time -v (wall, user+sys CPU, peak RSS), for each model (bpe,
#     wordpiece, unigram): `pretext stage tokenizer --input WORK/ingested --set model=M
#     --set vocab_size=V --workers W` (the tokenizer step alone, on the ingested shards; its
#     tokenizer.json is WORK/pretext-M/tokenizer/tokenizer.json), and the HF peer
#     `tokenizer_peers.py train --model M` with RAYON_NUM_THREADS=W (streams the JSONL; writes
#     WORK/hf-M.json). Then the "model" sections of the two files are compared: for bpe they must
#     be identical (vocabulary, ids and merges; the run fails otherwise); for wordpiece the
#     result is reported (HF numbers the ## alphabet in a random hash-map order). Unigram's peer
#     is SentencePiece (`tokenizer_peers.py train --model unigram`, num_threads=W; writes
#     WORK/spm-unigram.model); the pieces the two vocabularies share are reported.
# (b) ENCODE, with Pretext's BPE tokenizer.json, at 1 and 2 threads:
#     pretext-tokenizer-throughput (Tokenizer.encodeBatch) and `tokenizer_peers.py encode`
#     (HF encode_batch and encode_batch_fast with RAYON_NUM_THREADS=t, tiktoken
#     encode_ordinary_batch(num_threads=t), and at t=1 tiktoken's encode_ordinary loop). Texts
#     are in memory; reading is not timed. The ids of the first 200 texts of every tool are
#     compared with HF's.
# (c) FERTILITY: tokens per character (code point) of en and zh texts ("lang" field, or the
#     script of the letters when there is none) for every trained tokenizer, Pretext's with
#     pretext-tokenizer-throughput --fertility, HF's with tokenizer_peers.py fertility.
#
# Environment: BENCH_DIR (default ${TMPDIR:-/tmp}/pretext-bench), PRETEXT (a built binary; see
# scripts/bench/ingest.sh), THROUGHPUT (pretext-tokenizer-throughput; default: built with swift
# build --package-path Benchmarks -c release), TOKENIZERS_PYTHON (a python with tokenizers,
# tiktoken, sentencepiece and regex; default ../peers/tokenizers/bin/python next to the
# repository).
# Rows go to $BENCH_DIR/tokenizer-results.tsv (training: name, cores, text_bytes, wall_s, user_s,
# sys_s, peak_rss_kb, out_bytes), the tools' JSON lines to $BENCH_DIR/logs/tokenizer/; the
# Markdown tables are printed at the end.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/pretext-bench}"
MB=200
PARTS=4
INPUT=""
VOCAB=32000
WORKERS=2
REPEAT=3
ONLY=""
SELECTED=""
BUILD=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --mb) MB="$2"; shift 2 ;;
        --parts) PARTS="$2"; shift 2 ;;
        --input) INPUT="$2"; shift 2 ;;
        --vocab) VOCAB="$2"; shift 2 ;;
        --workers) WORKERS="$2"; shift 2 ;;
        --repeat) REPEAT="$2"; shift 2 ;;
        --only) ONLY="$2"; shift 2 ;;
        --models) SELECTED="$2"; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) sed -n '2,45p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
for part in ${ONLY//,/ }; do
    case "$part" in
        train|encode|fertility) ;;
        *) echo "error: --only takes train, encode, fertility (got $part)" >&2; exit 2 ;;
    esac
done
want() { [[ -z "$ONLY" || ",$ONLY," == *",$1,"* ]]; }

# The models compared (--models picks some). To add one: append it to
# MODELS, name its peer in PEER, and add a `case` branch to peer_train and peer_fertility below
# (the peer's training command and the file it writes; its fertility command). The Pretext side,
# the timing, the checks and the tables follow MODELS. ENCODE_MODELS are the models whose encoding
# speed is compared (tiktoken runs only for byte-level BPE).
MODELS=(bpe wordpiece unigram)
ALL_MODELS=("${MODELS[@]}")
declare -A PEER=([bpe]=hf [wordpiece]=hf [unigram]=spm)
ENCODE_MODELS=(bpe)
if [[ -n "$SELECTED" ]]; then
    for model in ${SELECTED//,/ }; do
        [[ -n "${PEER[$model]:-}" ]] || { echo "error: --models takes ${MODELS[*]} (got $model)" >&2; exit 2; }
    done
    MODELS=(${SELECTED//,/ })
fi
ENCODE_THREADS=(1 2)

# shellcheck source=common.sh
source "$REPO/scripts/bench/common.sh"
bench_require_time
bench_pretext_binary "$BUILD"
TOKENIZERS_PYTHON="${TOKENIZERS_PYTHON:-$REPO/../peers/tokenizers/bin/python}"
if [[ ! -x "$TOKENIZERS_PYTHON" ]] || ! "$TOKENIZERS_PYTHON" -c 'import tokenizers, tiktoken, sentencepiece, regex' 2>/dev/null; then
    cat >&2 <<EOF
error: no python with tokenizers, tiktoken, sentencepiece and regex at TOKENIZERS_PYTHON=$TOKENIZERS_PYTHON
  python3 -m venv ../peers/tokenizers && ../peers/tokenizers/bin/pip install tokenizers tiktoken sentencepiece regex
EOF
    exit 1
fi
PEERS="$REPO/scripts/bench/tokenizer_peers.py"
THROUGHPUT="${THROUGHPUT:-$REPO/Benchmarks/.build/release/pretext-tokenizer-throughput}"
if [[ $BUILD == 1 ]] && (want encode || want fertility); then
    echo "building pretext-tokenizer-throughput (release)" >&2
    # SwiftPM may keep the tool's object files when a struct of the Pretext package changes
    # layout (a stale build that crashes at run time): touching the tool's sources rebuilds them.
    touch "$REPO"/Benchmarks/Sources/TokenizerThroughput/*.swift
    (cd "$REPO" && swift build --package-path Benchmarks -c release --product pretext-tokenizer-throughput >&2)
fi
[[ -x "$THROUGHPUT" ]] || { echo "error: $THROUGHPUT not found; build it or set THROUGHPUT" >&2; exit 1; }

mkdir -p "$BENCH_DIR"
if [[ -z "$INPUT" ]]; then
    INPUT="$BENCH_DIR/corpus-${MB}mb-${PARTS}p"
    bench_corpus "$INPUT" "$MB" "$PARTS"
fi
[[ -d "$INPUT" ]] || { echo "error: --input $INPUT is not a directory" >&2; exit 2; }
INPUT="$(cd "$INPUT" && pwd)"
mapfile -t FILES < <(find "$INPUT" -maxdepth 1 -name '*.jsonl' | sort)
[[ ${#FILES[@]} -gt 0 ]] || { echo "error: no *.jsonl files in $INPUT" >&2; exit 1; }

WORK="$BENCH_DIR/tokenizer"
LOGS="$BENCH_DIR/logs/tokenizer"
RESULTS="$BENCH_DIR/tokenizer-results.tsv"
mkdir -p "$WORK" "$LOGS"
cat "${FILES[@]}" > /dev/null  # warm the page cache

# run NAME CORES OUTPUT COMMAND...: time COMMAND (stdout and stderr to LOGS/NAME.log), append a
# row to RESULTS (exit 3, "finished with rejects", is success).
run() {
    local name="$1" cores="$2" output="$3"; shift 3
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
    bench_row "$name" "$cores" "$TEXT_BYTES" "$LOGS/$name.time" "$out_bytes" >> "$RESULTS"
}

# peer_train MODEL: sets CMD (the peer's training command; run with RAYON_NUM_THREADS=WORKERS)
# and PEER_FILE (the tokenizer file it writes).
peer_train() {
    PEER_FILE="$WORK/${PEER[$1]}-$1.json"
    case "$1" in
        bpe|wordpiece)
            CMD=(env RAYON_NUM_THREADS="$WORKERS" "$TOKENIZERS_PYTHON" "$PEERS" train --model "$1"
                --vocab-size "$VOCAB" --out "$PEER_FILE" "${FILES[@]}") ;;
        unigram)
            PEER_FILE="$WORK/spm-unigram.model"
            CMD=(env RAYON_NUM_THREADS="$WORKERS" "$TOKENIZERS_PYTHON" "$PEERS" train --model unigram
                --vocab-size "$VOCAB" --out "$PEER_FILE" "${FILES[@]}") ;;
        *) echo "error: no peer for model $1" >&2; exit 1 ;;
    esac
}

# peer_fertility MODEL: sets CMD, the peer's fertility command on the file peer_train named.
peer_fertility() {
    PEER_FILE="$WORK/${PEER[$1]}-$1.json"
    [[ "$1" == unigram ]] && PEER_FILE="$WORK/spm-unigram.model"
    case "$1" in
        bpe|wordpiece|unigram)
            CMD=(env RAYON_NUM_THREADS="$WORKERS" "$TOKENIZERS_PYTHON" "$PEERS" fertility
                --tokenizer "$PEER_FILE" --lang-from-script "${FILES[@]}") ;;
        *) echo "error: no peer for model $1" >&2; exit 1 ;;
    esac
}

pretext_tokenizer() { echo "$WORK/pretext-$1/tokenizer/tokenizer.json"; }

# Ingest once (not timed); the training rows count the bytes of document text.
if want train || [[ ! -d "$WORK/ingested" ]]; then
    rm -rf "$WORK/ingested"
    echo "== ingest (not timed)" >&2
    "$PRETEXT" stage ingest --input "$INPUT/*.jsonl" --output "$WORK/ingested" --workers "$WORKERS" --quiet \
        > "$LOGS/ingest.log" 2>&1 || [[ $? == 3 ]] || { cat "$LOGS/ingest.log" >&2; exit 1; }
fi
TEXT_BYTES=$("$PRETEXT" query "$WORK/ingested" "SELECT sum(bytes) FROM documents" --no-header)
echo "input: $INPUT (${#FILES[@]} files, $(cat "${FILES[@]}" | wc -c) bytes of JSONL, $TEXT_BYTES bytes of text)" >&2

# (a) Training.
if want train; then
    # Earlier rows of the models run now are replaced; other models' rows stay.
    touch "$RESULTS" "$LOGS/checks.jsonl"
    for model in "${MODELS[@]}"; do
        grep -v -P "^[a-z]+-$model\t" "$RESULTS" > "$RESULTS.tmp" || true
        mv "$RESULTS.tmp" "$RESULTS"
        grep -v "\"model\":\"$model\"" "$LOGS/checks.jsonl" > "$LOGS/checks.tmp" || true
        mv "$LOGS/checks.tmp" "$LOGS/checks.jsonl"
    done
    for model in "${MODELS[@]}"; do
        rm -rf "$WORK/pretext-$model"
        run "pretext-$model" "$WORKERS" "$(pretext_tokenizer "$model")" \
            "$PRETEXT" stage tokenizer --input "$WORK/ingested" --output "$WORK/pretext-$model" \
            --set "model=$model" --set "vocab_size=$VOCAB" --workers "$WORKERS" --quiet
        peer_train "$model"
        run "${PEER[$model]}-$model" "$WORKERS" "$PEER_FILE" "${CMD[@]}"
        if [[ "$PEER_FILE" == *.json || "$PEER_FILE" == *.model ]]; then
            "$TOKENIZERS_PYTHON" "$PEERS" compare "$(pretext_tokenizer "$model")" "$PEER_FILE" \
                | sed "s/^{/{\"model\":\"$model\",/" >> "$LOGS/checks.jsonl"
        fi
    done
    if [[ " ${MODELS[*]} " == *" bpe "* ]] && ! grep -q '"model":"bpe".*"same_model":true' "$LOGS/checks.jsonl"; then
        echo "error: the BPE vocabularies or merges of Pretext and HF differ:" >&2
        grep '"model":"bpe"' "$LOGS/checks.jsonl" >&2
        exit 1
    fi
fi

# (b) Encoding.
if want encode; then
    for model in "${ENCODE_MODELS[@]}"; do
        tokenizer="$(pretext_tokenizer "$model")"
        for t in "${ENCODE_THREADS[@]}"; do
            ids_args=() peer_args=(--no-loop)
            if [[ $t == 1 ]]; then
                ids_args=(--ids-out "$WORK/pretext-$model.ids.jsonl")
                peer_args=(--pretext-ids "$WORK/pretext-$model.ids.jsonl")
            fi
            echo "== encode $model, $t thread(s)" >&2
            "$THROUGHPUT" --tokenizer "$tokenizer" --threads "$t" --repeat "$REPEAT" "${ids_args[@]}" "${FILES[@]}" \
                > "$LOGS/encode-pretext-$model-t$t.log" 2>&1 || {
                cat "$LOGS/encode-pretext-$model-t$t.log" >&2
                exit 1
            }
            RAYON_NUM_THREADS="$t" "$TOKENIZERS_PYTHON" "$PEERS" encode --tokenizer "$tokenizer" --threads "$t" \
                --repeat "$REPEAT" "${peer_args[@]}" "${FILES[@]}" > "$LOGS/encode-peers-$model-t$t.log" 2>&1 || {
                cat "$LOGS/encode-peers-$model-t$t.log" >&2
                exit 1
            }
        done
    done
fi

# (c) Fertility.
if want fertility; then
    for model in "${MODELS[@]}"; do
        echo "== fertility $model" >&2
        "$THROUGHPUT" --tokenizer "$(pretext_tokenizer "$model")" --fertility --lang-from-script \
            --threads "$WORKERS" "${FILES[@]}" > "$LOGS/fertility-pretext-$model.log" 2>&1 \
            || { cat "$LOGS/fertility-pretext-$model.log" >&2; exit 1; }
        peer_fertility "$model"
        "${CMD[@]}" > "$LOGS/fertility-${PEER[$model]}-$model.log" 2>&1 || {
            cat "$LOGS/fertility-${PEER[$model]}-$model.log" >&2
            exit 1
        }
    done
fi

echo
python3 - "$RESULTS" "$LOGS" "$TEXT_BYTES" "${ALL_MODELS[*]}" "${ENCODE_MODELS[*]}" "${ENCODE_THREADS[*]}" <<'EOF'
import glob, json, os, sys

results, logs, text_bytes = sys.argv[1], sys.argv[2], int(sys.argv[3])
models, encode_models, encode_threads = sys.argv[4].split(), sys.argv[5].split(), sys.argv[6].split()


def json_lines(path):
    if not os.path.exists(path):
        return []
    return [json.loads(line) for line in open(path) if line.startswith("{")]


def ratio(a, b):
    return "%.2f×" % (a / b) if a and b else "-"


print("input: %.1f MB of document text (MB = 10^6 bytes)" % (text_bytes / 1e6))

# (a) Training.
rows = {}
if os.path.exists(results):
    for line in open(results):
        name, cores, size, wall, user, sys_, rss, out = line.rstrip("\n").split("\t")
        cpu = float(user) + float(sys_)
        rows[name] = dict(name=name, cores=int(cores), wall=float(wall), cpu=cpu, user=float(user),
                          sys=float(sys_), rss=int(rss) / 1024, mb_cpu=int(size) / 1e6 / cpu if cpu else 0)
if rows:
    print("\n### Training (vocabulary as asked; wall, CPU and peak RSS from /usr/bin/time -v)\n")
    print("| run | workers | wall s | user+sys s | MB/s per CPU-s | peak RSS MiB |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in rows.values():
        print("| %s | %d | %.2f | %.2f (%.2f + %.2f) | %.2f | %.0f |" % (
            r["name"], r["cores"], r["wall"], r["cpu"], r["user"], r["sys"], r["mb_cpu"], r["rss"]))
    print("\n| Pretext ÷ peer | wall (lower is faster) | CPU | peak RSS |")
    print("|---|---:|---:|---:|")
    for name in rows:
        if name.startswith("pretext-"):
            model = name[len("pretext-"):]
            for peer in rows:
                if not peer.startswith("pretext-") and peer.endswith("-" + model):
                    p, q = rows[name], rows[peer]
                    print("| %s ÷ %s | %s | %s | %s |" % (name, peer, ratio(p["wall"], q["wall"]),
                                                        ratio(p["cpu"], q["cpu"]), ratio(p["rss"], q["rss"])))
    print()
    for check in json_lines(os.path.join(logs, "checks.jsonl")):
        merges = "n/a" if check["same_merges"] is None else check["same_merges"]
        print("%s, Pretext vs peer: identical model section: %s (vocabulary ids %s, tokens %s, merges %s; "
              "tokens only in Pretext's %d, only in the peer's %d); byte-identical file: %s" % (
                  check["model"], check["same_model"], check["same_vocab_ids"], check["same_tokens"], merges,
                  check["only_a"], check["only_b"], check["same_file"]))
        if check["model"] == "unigram":
            print("  (SentencePiece's vocabulary: %d pieces in common; ids, scores and some pieces differ by design, "
                  "docs/stages/tokenizer.md)" % check["common"])
        if check["model"] == "wordpiece" and not check["same_model"]:
            print("  (expected: HF numbers the ## alphabet in a random hash-map order, so its ids, and merges that "
                  "tie on count, change from run to run; docs/stages/tokenizer.md)")

# (b) Encoding.
for model in encode_models:
    runs, checks = [], []
    for t in encode_threads:
        for path in ("encode-pretext-%s-t%s.log" % (model, t), "encode-peers-%s-t%s.log" % (model, t)):
            for line in json_lines(os.path.join(logs, path)):
                (checks if "check" in line else runs).append(line)
    if not runs:
        continue
    print("\n### Encoding (%s; texts in memory, best of %d)\n" % (model, runs[0]["repeat"]))
    print("| tool | threads | seconds | MB/s | MB/s per thread | tokens |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in runs:
        print("| %s | %d | %.3f | %.2f | %.2f | %d |" % (
            r["tool"], r["threads"], r["seconds"], r["mb_per_s"], r["mb_per_s"] / r["threads"], r["tokens"]))
    by = {(r["tool"], r["threads"]): r for r in runs}
    print("\n| pretext MB/s ÷ | " + " | ".join("%s thread(s)" % t for t in encode_threads) + " |")
    print("|---|" + "---:|" * len(encode_threads))
    for peer in ("hf-tokenizers", "hf-tokenizers-fast", "tiktoken", "tiktoken-loop"):
        cells = []
        for t in encode_threads:
            p = by.get(("pretext", int(t)))
            q = by.get((peer, int(t)))
            cells.append(ratio(p and p["mb_per_s"], q and q["mb_per_s"]))
        if any(c != "-" for c in cells):
            print("| %s | %s |" % (peer, " | ".join(cells)))
    tokens = {r["tokens"] for r in runs}
    print("\ntoken counts %s; ids of the first texts vs hf-tokenizers: %s" % (
        "equal across tools" if len(tokens) == 1 else "DIFFER: %s" % sorted(tokens),
        "; ".join("%d texts, mismatches %s" % (c["texts"], json.dumps(c["mismatches"])) for c in checks)))

# (c) Fertility.
fert = []
for model in models:
    paths = glob.glob(os.path.join(logs, "fertility-*-%s.log" % model))
    for path in sorted(paths, key=lambda p: (not os.path.basename(p).startswith("fertility-pretext-"), p)):
        tool = os.path.basename(path)[len("fertility-"):-len("-%s.log" % model)]
        for line in json_lines(path):
            fert.append((model, tool, line["groups"]))
if fert:
    print("\n### Fertility (tokens per character)\n")
    print("| model | trained by | en | zh | all | en / zh / all texts |")
    print("|---|---|---:|---:|---:|---|")
    for model, tool, g in fert:
        cell = lambda k: "%.4f" % g[k]["tokens_per_char"] if g[k]["tokens_per_char"] is not None else "-"
        print("| %s | %s | %s | %s | %s | %d / %d / %d |" % (
            model, tool, cell("en"), cell("zh"), cell("all"), g["en"]["texts"], g["zh"]["texts"], g["all"]["texts"]))
EOF
