#!/usr/bin/env bash
# The cost of issue 12's checks: two pretext binaries (before and after) on the same input,
# best of N wall seconds for ingest (JSON scanning with the lone-surrogate and duplicate-key
# rules), normalize (a stage reading a dataset: quick_check, row and shard checks first),
# cat (rows checked, every record's bounds) and verify (integrity_check and coverage added).
# See docs/benchmarks.md, "Integrity checks (issue 12)".
#
# Usage: scripts/bench/integrity.sh BEFORE_BINARY AFTER_BINARY INPUT_DIR [RUNS]
#   INPUT_DIR holds JSONL files (e.g. from scripts/bench/gen-corpus.py). Outputs go to
#   ${BENCH_DIR:-/tmp/pretext-bench}/integrity.
set -euo pipefail
before="$1" after="$2" input="$3" runs="${4:-3}"
work="${BENCH_DIR:-${TMPDIR:-/tmp}/pretext-bench}/integrity"
mkdir -p "$work"

best() {  # best wall seconds of $runs runs of "$@" (output discarded), $clean removed first
    local best=""
    for _ in $(seq "$runs"); do
        local start end
        [[ -n "${clean:-}" ]] && rm -rf "$clean"
        start=$(date +%s.%N)
        "$@" > /dev/null 2>&1 || [[ $? == 3 ]]
        end=$(date +%s.%N)
        best=$(python3 -c "a=$end-$start; b='$best'; print(f'{min(a, float(b)) if b else a:.2f}')")
    done
    echo "$best"
}

printf '%-10s %10s %10s\n' step before after
for name in before after; do
    binary="${!name}"
    rm -rf "$work/$name-ingest" "$work/$name-normalize"
    "$binary" stage ingest --input "$input" --output "$work/$name-ingest" --workers 2 --quiet || [[ $? == 3 ]]
done
for step in ingest normalize cat verify; do
    row=()
    for name in before after; do
        binary="${!name}"
        case "$step" in
            ingest) row+=("$(clean="$work/$name-again" best "$binary" stage ingest --input "$input" --output "$work/$name-again" --workers 2 --quiet)") ;;
            normalize) row+=("$(clean="$work/$name-normalize" best "$binary" stage normalize --input "$work/$name-ingest" --output "$work/$name-normalize" --workers 2 --quiet)") ;;
            cat) row+=("$(clean="" best "$binary" cat "$work/$name-ingest")") ;;
            verify) row+=("$(clean="" best "$binary" verify "$work/$name-ingest")") ;;
        esac
    done
    printf '%-10s %10s %10s\n' "$step" "${row[0]}" "${row[1]}"
done
