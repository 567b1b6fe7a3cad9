#!/usr/bin/env bash
# Example generation speed (issue 13): a generated corpus is ingested, segmented and tokenized
# (WordPiece, vocabulary 32,000), then each example stage runs on the token records with
# 2 workers; prints wall and CPU seconds, peak RSS and input tokens per CPU-second.
# See docs/benchmarks.md, "Example generation (issue 13)".
#
# Usage: scripts/bench/examples.sh [--mb MB] [--no-build]
# Environment: BENCH_DIR (default ${TMPDIR:-/tmp}/pretext-bench), PRETEXT (a release binary).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/pretext-bench}"
MB=100
BUILD=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --mb) MB="$2"; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "unknown argument $1" >&2; exit 64 ;;
    esac
done
# shellcheck source=common.sh
source "$REPO/scripts/bench/common.sh"
bench_require_time
bench_pretext_binary "$BUILD"
work="$BENCH_DIR/examples-$MB"
mkdir -p "$work"
bench_corpus "$work/corpus" "$MB" 4

prepare() {  # ingest → segment → tokenizer → tokenize, once
    [[ -d "$work/tokens" ]] && return
    "$PRETEXT" stage ingest --input "$work/corpus" --output "$work/ingested" --workers 2 --quiet
    "$PRETEXT" stage segment --input "$work/ingested" --output "$work/segmented" --workers 2 --quiet
    "$PRETEXT" stage tokenizer --input "$work/segmented" --output "$work/tokenizer" --workers 2 --quiet \
        --set model=wordpiece --set vocab_size=32000
    "$PRETEXT" stage tokenize --input "$work/tokenizer" --output "$work/tokens" --workers 2 --quiet
}
prepare > /dev/null

tokens=$(sqlite3 "$work/tokens/catalog.sqlite" "SELECT sum(tokens) FROM documents")
echo "input: $tokens tokens"
printf '%-34s %8s %8s %8s %14s\n' stage wall_s cpu_s rss_mib "Mtokens/cpu_s"
run() {  # run NAME STAGE [--set …]
    local name="$1" stage="$2"; shift 2
    rm -rf "$work/out-$name"
    /usr/bin/time -f "%e %U %S %M" -o "$work/time-$name" \
        "$PRETEXT" stage "$stage" --input "$work/tokens" --output "$work/out-$name" --workers 2 --quiet "$@" > /dev/null
    read -r wall user sys rss < "$work/time-$name"
    python3 -c "import sys; w,u,s,r,t=map(float,sys.argv[1:6]); print(f'{sys.argv[6]:<34} {w:8.2f} {u+s:8.2f} {r/1024:8.0f} {t/(u+s)/1e6:14.2f}')" \
        "$wall" "$user" "$sys" "$rss" "$tokens" "$name"
}
run "mlm (nsp, dupe_factor 1)" mlm --set dupe_factor=1
run "mlm (sop, n-grams 3, dupe 1)" mlm --set dupe_factor=1 --set pair_task=sop --set max_ngram=3
run "contrastive (adjacent)" contrastive
run "contrastive (spans, minhash)" contrastive --set positives=spans --set hard_negatives=minhash
if "$PRETEXT" stages 2>/dev/null | grep '^causal_lm' > /dev/null; then run "causal_lm (1024)" causal_lm; fi
if "$PRETEXT" stages 2>/dev/null | grep '^t5_spans' > /dev/null; then run "t5_spans (512)" t5_spans; fi
