#!/usr/bin/env python3
"""The datasketch side of scripts/bench/dedupe.sh: MinHash + MinHashLSH, one pass, in memory.

Run with the datatrove virtualenv's python (DATATROVE_PYTHON) after
`pip install datasketch` there (2.0.x; it pulls scipy).

For every document, in input order (files sorted by name, lines in order):
  shingles   5-word shingles of datatrove's simplify_text() (lowercase, numbers -> 0,
             punctuation -> space, whitespace collapsed, diacritics stripped), words joined by
             one space, UTF-8; words from str.split() (--words split, the default) or from
             datatrove's English word tokenizer, spaCy blank "en" (--words datatrove: the very
             shingles datatrove's MinhashDedupSignature hashes, at spaCy's cost)
  sketch     MinHash(num_perm=112, scheme=affine64, hashfunc=xxh64) .update_batch(shingles)
             (--scheme affine32: xxh32; --scheme legacy: datasketch < 2.0's (a*h+b) mod 2^61-1)
  lsh        MinHashLSH(num_perm=112, params=(14, 8)): query; any candidate -> removed, else
             insert (so a document is compared with the kept documents only: greedy, first
             one kept, no transitive clusters as in datatrove's stage 3)
Documents with fewer than 5 words have no shingles: kept and never inserted (datatrove gives
them no signature either; an empty MinHash would match every other empty one).

Single process: --workers is accepted for the driver and must be 1 (MinHashLSH is an
in-memory index in one process).

Writes --work/removed.txt (removed ids, one per line, input order) and prints one JSON line:
docs_in, docs_removed, docs_no_shingles, wall and CPU seconds per phase (read = JSON parsing,
shingle = simplify + split + shingles, sketch = MinHash, lsh = query + insert).

Usage: datasketch-minhash.py --input DIR --work DIR [--workers 1] [--glob PATTERN]
       [--words split|datatrove] [--scheme affine64|affine32|legacy]
"""

import argparse
import glob
import json
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from peer_common import default_glob  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--glob", default=None)
    ap.add_argument("--words", choices=["split", "datatrove"], default="split")
    ap.add_argument("--scheme", choices=["affine64", "affine32", "legacy"], default="affine64")
    ap.add_argument("--n-grams", type=int, default=5)
    ap.add_argument("--bands", type=int, default=14)
    ap.add_argument("--rows", type=int, default=8)
    args = ap.parse_args()
    if args.workers != 1:
        sys.exit("datasketch-minhash.py runs in one process: --workers must be 1")

    import numpy as np
    import xxhash
    from datasketch import MinHash, MinHashLSH
    from datatrove.utils.text import ngrams, simplify_text

    if args.words == "datatrove":
        from datatrove.utils.word_tokenizers import load_word_tokenizer

        split = load_word_tokenizer("en").word_tokenize
    else:
        split = str.split
    hashfunc = xxhash.xxh32_intdigest if args.scheme == "affine32" else xxhash.xxh64_intdigest
    num_perm = args.bands * args.rows

    pattern = args.glob or default_glob(args.input)
    files = sorted(glob.glob(os.path.join(args.input, pattern)))
    if not files:
        sys.exit(f"no {pattern} files in {args.input}")
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)

    # One MinHash's permutations, shared by all the others (as MinHash.bulk does).
    template = MinHash(num_perm=num_perm, hashfunc=hashfunc, scheme=args.scheme)
    permutations = template.permutations
    lsh = MinHashLSH(num_perm=num_perm, params=(args.bands, args.rows))

    wall = dict(read=0.0, shingle=0.0, sketch=0.0, lsh=0.0)
    cpu = dict(wall)
    clock, pclock = time.perf_counter, time.process_time
    docs = no_shingles = 0
    removed = []
    t_start, c_start = clock(), pclock()
    for path in files:
        with open(path, encoding="utf-8") as f:
            w0, c0 = clock(), pclock()
            for line in f:
                if not line.strip():
                    continue
                record = json.loads(line)
                text, doc_id = record["text"], str(record["id"])
                w1, c1 = clock(), pclock()
                wall["read"] += w1 - w0; cpu["read"] += c1 - c0
                shingles = [" ".join(g) for g in ngrams(split(simplify_text(text)), args.n_grams)]
                w2, c2 = clock(), pclock()
                wall["shingle"] += w2 - w1; cpu["shingle"] += c2 - c1
                if not shingles:
                    no_shingles += 1
                    docs += 1
                    w0, c0 = clock(), pclock()
                    continue
                m = MinHash(num_perm=num_perm, hashfunc=hashfunc, scheme=args.scheme, permutations=permutations)
                m.update_batch(shingles)
                w3, c3 = clock(), pclock()
                wall["sketch"] += w3 - w2; cpu["sketch"] += c3 - c2
                if lsh.query(m):
                    removed.append(doc_id)
                else:
                    lsh.insert(docs, m, check_duplication=False)
                docs += 1
                w0, c0 = clock(), pclock()
                wall["lsh"] += w0 - w3; cpu["lsh"] += c0 - c3
    total_wall, total_cpu = clock() - t_start, pclock() - c_start

    with open(f"{work}/removed.txt", "w") as f:
        f.writelines(i + "\n" for i in removed)
    print(json.dumps({
        "tool": "datasketch-minhash", "workers": 1, "glob": pattern, "words": args.words,
        "scheme": args.scheme, "numpy": np.__version__,
        "docs_in": docs, "docs_removed": len(removed), "docs_kept": docs - len(removed),
        "docs_no_shingles": no_shingles,
        "wall_s": {k: round(v, 3) for k, v in wall.items()},
        "cpu_s": {k: round(v, 3) for k, v in cpu.items()},
        "wall_total_s": round(total_wall, 3), "cpu_total_s": round(total_cpu, 3),
    }))


if __name__ == "__main__":
    sys.exit(main())
