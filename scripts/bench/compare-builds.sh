#!/usr/bin/env bash
# Whole-process comparison of two pretext binaries on the same data (a refactoring must not
# slow the stages down): ingest of the fixture texts scaled to --mb, then the audit step (the
# stage that writes a catalog row per document and links its shards), each run --runs times
# alternating the binaries; prints the smallest user+system CPU seconds of each.
#
#   scripts/bench/compare-builds.sh --old OLD/pretext --new NEW/pretext [--mb 80] [--runs 5]
#
# OLD can be built from an earlier commit in a worktree:
#   git worktree add ../old COMMIT && (cd ../old && swift build -c release --product pretext)
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
source "$REPO/scripts/bench/common.sh"
bench_require_time

old="" new="" mb=80 runs=5
while [[ $# -gt 0 ]]; do
    case "$1" in
        --old) old="$2"; shift 2 ;;
        --new) new="$2"; shift 2 ;;
        --mb) mb="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        *) echo "usage: $0 --old BIN --new BIN [--mb N] [--runs N]" >&2; exit 64 ;;
    esac
done
[[ -x "$old" && -x "$new" ]] || { echo "error: give --old and --new pretext binaries" >&2; exit 64; }

work="$(mktemp -d "${TMPDIR:-/tmp}/pretext-compare-XXXXXX")"
trap 'rm -rf "$work"' EXIT
python3 "$REPO/scripts/bench/fixture-corpus.py" --mb "$mb" --parts 4 --out "$work/in" > /dev/null

# cpu BIN LABEL ARGS…: appends "LABEL seconds" (user + system) for one run.
cpu() {
    local bin="$1" label="$2"
    shift 2
    /usr/bin/time -f "%U %S" -o "$work/time" "$bin" "$@" > /dev/null 2>&1 || true
    echo "$label $(awk '{print $1 + $2}' "$work/time")" >> "$work/results"
}

for _ in $(seq "$runs"); do
    for side in old new; do
        bin="${!side}"
        rm -rf "$work/$side"
        cpu "$bin" "$side-ingest" stage ingest --input "$work/in" --output "$work/$side/ingest"
        (cd "$REPO" && cpu "$bin" "$side-audit" stage audit --input "$work/$side/ingest" \
            --output "$work/$side/audit" --set history=false)
    done
done
for step in ingest audit; do
    for side in old new; do
        best=$(grep "^$side-$step " "$work/results" | awk '{print $2}' | sort -n | head -1)
        echo "$step $side: ${best} CPU-s (best of $runs)"
    done
done
