# Shared helpers for scripts/bench/*.sh; sourced, not run. Expects REPO to be set.

# Fails unless GNU time (Debian package `time`) is at /usr/bin/time.
bench_require_time() {
    if ! /usr/bin/time -v true 2>/dev/null; then
        echo "error: /usr/bin/time (GNU time) is missing; install it: apt-get install -y time" >&2
        exit 1
    fi
}

# Sets PRETEXT: builds the release binary into .build-bench unless $1 is 0 or PRETEXT is set.
bench_pretext_binary() {
    local build="${1:-1}"
    if [[ -n "${PRETEXT:-}" ]]; then
        [[ -x "$PRETEXT" ]] || { echo "error: PRETEXT=$PRETEXT is not executable" >&2; exit 1; }
        return
    fi
    if [[ "$build" == 1 ]]; then
        echo "building pretext (release, scratch path .build-bench)" >&2
        (cd "$REPO" && swift build -c release --scratch-path .build-bench --product pretext >&2)
    fi
    PRETEXT="$REPO/.build-bench/release/pretext"
    [[ -x "$PRETEXT" ]] || { echo "error: $PRETEXT not found; build it or set PRETEXT" >&2; exit 1; }
}

# bench_corpus DIR MB PARTS: generates the seeded JSONL corpus (gen-corpus.py) into DIR unless
# it is already there, so reruns compare the same bytes.
bench_corpus() {
    if [[ ! -d "$1" ]]; then
        python3 "$REPO/scripts/bench/gen-corpus.py" --mb "$2" --parts "$3" --out "$1"
    fi
}

# Sets DATATROVE_PYTHON (default ../peers/datatrove/bin/python next to the repository) and
# checks that it imports datatrove.
bench_require_datatrove() {
    DATATROVE_PYTHON="${DATATROVE_PYTHON:-$REPO/../peers/datatrove/bin/python}"
    if [[ ! -x "$DATATROVE_PYTHON" ]] || ! "$DATATROVE_PYTHON" -c 'import datatrove, zstandard' 2>/dev/null; then
        cat >&2 <<EOF
error: no datatrove virtualenv at DATATROVE_PYTHON=$DATATROVE_PYTHON
  create one outside the repository and point DATATROVE_PYTHON at its python:
    python3 -m venv ../peers/datatrove
    ../peers/datatrove/bin/pip install "datatrove[processing,io]" spacy zstandard
  or pass --no-datatrove.
EOF
        exit 1
    fi
}

# bench_time TIMEFILE LOGFILE COMMAND...: runs COMMAND under /usr/bin/time -v.
bench_time() {
    local timefile="$1" logfile="$2"; shift 2
    /usr/bin/time -v -o "$timefile" "$@" > "$logfile" 2>&1 || {
        echo "error: command failed (exit $?); see $logfile" >&2
        tail -20 "$logfile" >&2
        exit 1
    }
}

# Bytes written by a run: the shards of a Pretext dataset, datatrove's out/, or a file.
bench_output_bytes() {
    local path="$1"
    if [[ -d "$path/shards" ]]; then du -sb "$path/shards" | cut -f1
    elif [[ -d "$path/out" ]]; then du -sb "$path/out" | cut -f1
    else du -sb "$path" | cut -f1
    fi
}

# bench_row NAME CORES INPUT_BYTES TIMEFILE OUT_BYTES: one tab-separated result row
# (name cores input_bytes wall_s user_s sys_s peak_rss_kb out_bytes).
bench_row() {
    local name="$1" cores="$2" input_bytes="$3" timefile="$4" out_bytes="$5"
    awk -v name="$name" -v cores="$cores" -v bytes="$input_bytes" -v out="$out_bytes" '
        /User time \(seconds\)/ { user = $NF }
        /System time \(seconds\)/ { sys = $NF }
        /Maximum resident set size/ { rss = $NF }
        /Elapsed \(wall clock\)/ {
            n = split($NF, t, ":"); wall = 0
            for (i = 1; i <= n; i++) wall = wall * 60 + t[i]
        }
        END { printf "%s\t%s\t%s\t%.2f\t%.2f\t%.2f\t%s\t%s\n", name, cores, bytes, wall, user, sys, rss, out }
    ' "$timefile"
}

# bench_report RESULTS_TSV: prints a Markdown table with per-core throughput and ratios.
bench_report() {
    python3 "$REPO/scripts/bench/report.py" "$1"
}
