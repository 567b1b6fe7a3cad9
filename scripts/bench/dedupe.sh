#!/usr/bin/env bash
# Dedupe benchmark (issue 4): `pretext stage dedupe` (method minhash and exact) against
# datatrove's MinHash dedupe (its 4 stages), datasketch's MinHashLSH and datatrove's exact
# dedupe (its 3 stages), in one run on the same JSONL input; what each removed is scored
# against the corpus's truth with pretext-dedupe-eval (Benchmarks/).
#
# Usage: scripts/bench/dedupe.sh --input DIR [--workers N] [--only TOOLS] [--pipeline]
#                                [--words split|datatrove] [--exact-content simplified|text]
#                                [--no-build]
#
#   --input DIR     a directory of JSONL files ({"id","text"} lines): its part-*.jsonl files when
#                   there are any (pretext-neardup-corpus writes those plus truth.jsonl and
#                   order.txt, which are not input), else its *.jsonl files
#   --workers N     tasks at once for Pretext and datatrove (default 1); datasketch is one
#                   process whatever N
#   --only TOOLS    comma-separated subset of: pretext, datatrove (MinHash), datasketch,
#                   exact (datatrove's exact dedupe). Default: all
#   --pipeline      also time `pretext run` of WORK/pretext-{minhash,exact}.yaml (ingest +
#                   dedupe in one pipeline; the files are written either way)
#   --words W       datasketch's word split: split (str.split on datatrove's simplify_text, the
#                   default) or datatrove (its spaCy word tokenizer: the same shingles as
#                   datatrove, at spaCy's cost)
#   --exact-content what datatrove's exact dedupe hashes: simplified (datatrove's simplify_text,
#                   the default: Pretext's method exact compares simplified text) or text (as is,
#                   datatrove's usual content_getter)
#   --no-build      use $PRETEXT and the existing pretext-dedupe-eval as they are
#
# Pretext: `pretext stage ingest` into WORK/ingested (timed, reported apart), then
# `pretext stage dedupe --input WORK/ingested --set method=minhash|exact` (timed: the dedupe
# step alone). Removed ids come from `pretext cat DATASET --rejects` (the id of each reject's
# `raw` record). Skipped with a message while `pretext stages` does not list dedupe.
# Peers: scripts/bench/datatrove-minhash.py, datasketch-minhash.py, datatrove-exact.py, with
# DATATROVE_PYTHON (datasketch installed into the same venv: pip install datasketch).
# Each tool's removed ids (one per line) go to WORK/<tool>.removed.txt; then
# pretext-dedupe-eval --truth DIR --removed FILE scores each (skipped with a message when it
# does not build). See scripts/bench/DEDUPE-NOTES.md.
#
# Environment: BENCH_DIR (default ${TMPDIR:-/tmp}/pretext-bench), DATATROVE_PYTHON, PRETEXT as
# for scripts/bench/ingest.sh; DEDUPE_EVAL: the pretext-dedupe-eval binary (default: built
# with swift build --package-path Benchmarks -c release --scratch-path .build-bench-tools).
#
# Every command runs under /usr/bin/time -v: wall time, user+sys CPU of the process and its
# waited-for children (datatrove's pool workers are forked, so they count), peak RSS of the
# largest process. Rows go to $BENCH_DIR/dedupe-results.tsv (name, cores, input_bytes, wall_s,
# user_s, sys_s, peak_rss_kb, out_bytes, docs_in, removed_file); logs, per-stage seconds and
# eval outputs to $BENCH_DIR/logs/dedupe/; the Markdown tables are printed at the end.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/pretext-bench}"
INPUT=""
WORKERS=1
ONLY=""
PIPELINE=0
WORDS=split
EXACT_CONTENT=simplified
BUILD=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --input) INPUT="$2"; shift 2 ;;
        --workers) WORKERS="$2"; shift 2 ;;
        --only) ONLY="$2"; shift 2 ;;
        --pipeline) PIPELINE=1; shift ;;
        --words) WORDS="$2"; shift 2 ;;
        --exact-content) EXACT_CONTENT="$2"; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) sed -n '2,46p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ -n "$INPUT" ]] || { echo "error: --input DIR is required (see --help)" >&2; exit 2; }
[[ -d "$INPUT" ]] || { echo "error: --input $INPUT is not a directory" >&2; exit 2; }
INPUT="$(cd "$INPUT" && pwd)"
for tool in ${ONLY//,/ }; do
    case "$tool" in
        pretext|datatrove|datasketch|exact) ;;
        *) echo "error: --only takes pretext, datatrove, datasketch, exact (got $tool)" >&2; exit 2 ;;
    esac
done
want() { [[ -z "$ONLY" || ",$ONLY," == *",$1,"* ]]; }

# shellcheck source=common.sh
source "$REPO/scripts/bench/common.sh"

bench_require_time
if want pretext; then bench_pretext_binary "$BUILD"; fi
if want datatrove || want datasketch || want exact; then bench_require_datatrove; fi
if want datasketch && ! "$DATATROVE_PYTHON" -c 'import datasketch, xxhash' 2>/dev/null; then
    echo "error: datasketch is not installed in $DATATROVE_PYTHON's venv:" >&2
    echo "  $(dirname "$DATATROVE_PYTHON")/pip install datasketch xxhash" >&2
    exit 1
fi

if compgen -G "$INPUT/part-*.jsonl" > /dev/null; then GLOB='part-*.jsonl'; else GLOB='*.jsonl'; fi
mapfile -t FILES < <(find "$INPUT" -maxdepth 1 -name "$GLOB" | sort)
[[ ${#FILES[@]} -gt 0 ]] || { echo "error: no $GLOB files in $INPUT" >&2; exit 1; }
INPUT_BYTES=$(cat "${FILES[@]}" | wc -c)
INPUT_DOCS=$(cat "${FILES[@]}" | grep -c .)
echo "input: $INPUT/$GLOB (${#FILES[@]} files, $INPUT_BYTES bytes, $INPUT_DOCS documents); workers: $WORKERS" >&2

WORK="$BENCH_DIR/dedupe"
LOGS="$BENCH_DIR/logs/dedupe"
RESULTS="$BENCH_DIR/dedupe-results.tsv"
rm -rf "$WORK" "$LOGS"
mkdir -p "$WORK" "$LOGS"
: > "$RESULTS"
cat "${FILES[@]}" > /dev/null  # warm the page cache

# run NAME CORES OUTPUT REMOVED_FILE COMMAND...: time COMMAND, append a row. Pretext exits 3
# when records were rejected (dedupe drops documents): that is success here.
run() {
    local name="$1" cores="$2" output="$3" removed="$4"; shift 4
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
    printf '%s\t%s\t%s\n' "$(bench_row "$name" "$cores" "$INPUT_BYTES" "$LOGS/$name.time" "$out_bytes")" \
        "$INPUT_DOCS" "$removed" >> "$RESULTS"
}

# pretext_removed DATASET: the ids of the documents the dedupe step dropped, one per line, from
# the `raw` record (the document's JSON) of each reject.
read -r -d '' PRETEXT_REMOVED_PY <<'PY' || true
import json, re, sys
decoder = json.JSONDecoder()
for line in sys.stdin:
    reject = json.loads(line)
    if reject.get("stage", "dedupe") != "dedupe":
        continue
    raw = reject.get("raw")
    if raw is None:
        sys.exit("a reject without a raw record: " + line[:300])
    try:
        print(json.loads(raw)["id"])
    except ValueError:  # a raw record cut short: decode the id string where it starts
        m = re.search(r'"id"\s*:\s*(?=")', raw)
        if not m:
            sys.exit("no id in the raw record of: " + line[:300])
        print(decoder.raw_decode(raw, m.end())[0])
PY
pretext_removed() {
    "$PRETEXT" cat "$1" --rejects | python3 -c "$PRETEXT_REMOVED_PY"
}

# pipeline FILE OUTPUT METHOD: ingest + dedupe in one pipeline file.
pipeline() {
    cat > "$1" <<EOF
name: dedupe-$3
output: $2
inputs: ["$INPUT/$GLOB"]
execution:
  workers: $WORKERS
stages:
  - stage: ingest
  - stage: dedupe
    method: $3
EOF
}

if want pretext; then
    # (not `pretext stages | grep -q`: grep exits at the match, and with pipefail the SIGPIPE of
    # the writer fails the test)
    if ! grep -q '^dedupe ' <<< "$("$PRETEXT" stages 2>/dev/null || true)"; then
        echo "skip pretext: \`$PRETEXT stages\` does not list a dedupe stage yet" >&2
    else
        run pretext-ingest "$WORKERS" "$WORK/ingested" - \
            "$PRETEXT" stage ingest --input "$INPUT/$GLOB" --output "$WORK/ingested" --workers "$WORKERS" --quiet
        for method in minhash exact; do
            run "pretext-$method" "$WORKERS" "$WORK/pretext-$method" "$WORK/pretext-$method.removed.txt" \
                "$PRETEXT" stage dedupe --input "$WORK/ingested" --output "$WORK/pretext-$method" \
                --set "method=$method" --workers "$WORKERS" --quiet
            pretext_removed "$WORK/pretext-$method" > "$WORK/pretext-$method.removed.txt"
            pipeline "$WORK/pretext-$method.yaml" "$WORK/pretext-run-$method" "$method"
            if [[ $PIPELINE == 1 ]]; then
                run "pretext-run-$method" "$WORKERS" "$WORK/pretext-run-$method" - \
                    "$PRETEXT" run "$WORK/pretext-$method.yaml" --quiet
            fi
        done
    fi
fi

# peer NAME CORES SCRIPT ARGS...: a peer script; its removed.txt is copied next to Pretext's.
peer() {
    local name="$1" cores="$2" script="$3"; shift 3
    run "$name" "$cores" "$WORK/$name" "$WORK/$name.removed.txt" \
        "$DATATROVE_PYTHON" "$REPO/scripts/bench/$script" --input "$INPUT" --glob "$GLOB" \
        --work "$WORK/$name" "$@"
    cp "$WORK/$name/removed.txt" "$WORK/$name.removed.txt"
    tail -n 1 "$LOGS/$name.log" > "$LOGS/$name.json"
}
if want datatrove; then peer datatrove-minhash "$WORKERS" datatrove-minhash.py --workers "$WORKERS"; fi
if want datasketch; then peer datasketch-minhash 1 datasketch-minhash.py --workers 1 --words "$WORDS"; fi
if want exact; then peer datatrove-exact "$WORKERS" datatrove-exact.py --workers "$WORKERS" --content "$EXACT_CONTENT"; fi

# Score each tool's removed ids against the corpus's truth.
EVAL="${DEDUPE_EVAL:-$REPO/.build-bench-tools/release/pretext-dedupe-eval}"
if [[ -z "${DEDUPE_EVAL:-}" && $BUILD == 1 ]]; then
    echo "building pretext-dedupe-eval (release, scratch path .build-bench-tools)" >&2
    (cd "$REPO" && swift build --package-path Benchmarks -c release --scratch-path .build-bench-tools \
        --product pretext-dedupe-eval > "$LOGS/eval-build.log" 2>&1) ||
        echo "skip scoring: pretext-dedupe-eval does not build (yet); see $LOGS/eval-build.log" >&2
fi
if [[ -x "$EVAL" ]]; then
    while IFS=$'\t' read -r name _ _ _ _ _ _ _ _ removed; do
        [[ "$removed" != - ]] || continue
        "$EVAL" --truth "$INPUT" --removed "$removed" > "$LOGS/$name.eval" 2>&1 ||
            echo "warning: pretext-dedupe-eval failed on $name; see $LOGS/$name.eval" >&2
    done < "$RESULTS"
else
    echo "skip scoring: no pretext-dedupe-eval at $EVAL" >&2
fi

python3 - "$RESULTS" "$LOGS" <<'EOF'
import json, os, re, sys

results, logs = sys.argv[1], sys.argv[2]
rows = []
for line in open(results):
    name, cores, size, wall, user, sys_, rss, out, docs, removed = line.rstrip("\n").split("\t")
    cpu = float(user) + float(sys_)
    r = dict(name=name, cores=int(cores), mb=int(size) / 1e6, docs=int(docs), wall=float(wall),
             cpu=cpu, user=float(user), sys=float(sys_), rss=int(rss) / 1024, removed_file=removed)
    r["mb_cpu"] = r["mb"] / cpu if cpu else float("nan")
    r["docs_cpu"] = r["docs"] / cpu if cpu else float("nan")
    r["ids"] = None
    if removed != "-" and os.path.exists(removed):
        r["ids"] = [l.rstrip("\n") for l in open(removed) if l.strip()]
    # pretext-dedupe-eval prints JSON: evaluation.any_keeper (whichever member of a component is
    # kept) and evaluation.scores (id for id: the first in input order kept).
    r["precision"] = r["recall"] = r["first"] = "-"
    r["buckets"] = None
    ev = os.path.join(logs, name + ".eval")
    if os.path.exists(ev):
        text = open(ev).read()
        try:
            j = json.loads(text)
            e = j.get("evaluation", j)
            r["precision"] = "%.4f" % e["any_keeper"]["precision"]
            r["recall"] = "%.4f" % e["any_keeper"]["recall"]
            r["first"] = "%.4f / %.4f" % (e["scores"]["precision"], e["scores"]["recall"])
            r["buckets"] = e.get("recall_by_edit_rate")
        except (ValueError, KeyError, TypeError):
            for key in ("precision", "recall"):
                m = re.search(key + r"\W+([0-9]*\.?[0-9]+)", text, re.IGNORECASE)
                r[key] = "%.4f" % float(m.group(1)) if m else "?"
    rows.append(r)

print("| tool | cores | wall s | user+sys s | docs/s per CPU-s | MB/s per CPU-s | peak RSS MiB "
      "| removed | precision | recall | P / R, first kept |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for r in rows:
    removed = len(r["ids"]) if r["ids"] is not None else "-"
    print("| %s | %d | %.2f | %.2f (%.2f + %.2f) | %.0f | %.2f | %.0f | %s | %s | %s | %s |" % (
        r["name"], r["cores"], r["wall"], r["cpu"], r["user"], r["sys"], r["docs_cpu"], r["mb_cpu"],
        r["rss"], removed, r["precision"], r["recall"], r["first"]))
print("\ninput: %.1f MB, %d documents; pretext-ingest is the ingest before the dedupe step, "
      "not part of it." % (rows[0]["mb"], rows[0]["docs"]) if rows else "")

# Per-stage seconds of the peers (from their last output line).
for r in rows:
    path = os.path.join(logs, r["name"] + ".json")
    if os.path.exists(path):
        try:
            j = json.loads(open(path).read())
            print("%s stages (wall s): %s; CPU s: %s" % (
                r["name"], json.dumps(j.get("wall_s")), json.dumps(j.get("cpu_s"))))
        except ValueError:
            pass

scored = [r for r in rows if r["buckets"]]
if scored:
    labels = [str(b.get("bucket")) for b in scored[0]["buckets"]]
    print()
    print("| recall by edit rate | " + " | ".join(labels) + " |")
    print("|---|" + "---:|" * len(labels))
    for r in scored:
        cells = ["%.3f (%d/%d)" % (b["recall"], b["found"], b["ideal"]) if b.get("recall") is not None else "-"
                 for b in r["buckets"]]
        print("| %s | %s |" % (r["name"], " | ".join(cells)))

by = {r["name"]: r for r in rows}
pairs = [("pretext-minhash", "datatrove-minhash"), ("pretext-minhash", "datasketch-minhash"),
         ("pretext-exact", "datatrove-exact")]
if any(a in by and b in by for a, b in pairs):
    print()
    print("| pretext ÷ peer | docs/s per CPU-s | wall | peak RSS |")
    print("|---|---:|---:|---:|")
    for a, b in pairs:
        if a in by and b in by:
            p, q = by[a], by[b]
            print("| %s ÷ %s | %.1f× | %.2f× | %.2f× |" % (
                a, b, p["docs_cpu"] / q["docs_cpu"], p["wall"] / q["wall"], p["rss"] / q["rss"]))

# What each removed, pairwise (a cluster's kept document may differ between tools).
named = [r for r in rows if r["ids"] is not None]
if len(named) > 1:
    print()
    print("| removed by A | and by B | both | A only | B only |")
    print("|---|---|---:|---:|---:|")
    for i, a in enumerate(named):
        for b in named[i + 1:]:
            sa, sb = set(a["ids"]), set(b["ids"])
            print("| %s | %s | %d | %d | %d |" % (a["name"], b["name"], len(sa & sb), len(sa - sb), len(sb - sa)))
EOF
