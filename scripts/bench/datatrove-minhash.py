#!/usr/bin/env python3
"""The datatrove side of scripts/bench/dedupe.sh: datatrove's MinHash dedupe, its four stages.

Run with the datatrove virtualenv's python (DATATROVE_PYTHON). datatrove 0.10.x API.

  1 signatures  JsonlReader -> MinhashDedupSignature      tasks = workers = --workers
  2 buckets     MinhashDedupBuckets                       tasks = num_buckets (14), workers = --workers
  3 cluster     MinhashDedupCluster                       tasks = workers = 1 (datatrove asserts it)
  4 filter      JsonlReader -> MinhashDedupFilter(exclusion_writer=JsonlWriter)
                  -> JsonlWriter                          tasks = workers = --workers

MinhashConfig() is datatrove's default: 5-word shingles of simplify_text() (lowercase, numbers
-> 0, punctuation -> space, whitespace collapsed, diacritics stripped) split by its English word
tokenizer (spaCy blank "en"), xxhash64 per shingle, 14 buckets x 8 hashes, 64-bit. Documents with
fewer than 5 words get no signature: datatrove never removes them.

Stage 1 and stage 4 must read the input in the same order with the same task count: the
.remove files name documents by (task, index within the task).

Both writers write plain JSONL (compression=None) by default: the figure is the dedupe work,
not compression. --compression zstd|gzip for the writers as shipped.

Output under --work: sigs/, buckets/, remove/, removed/ (the excluded documents), kept/,
logs/<stage>/, and removed.txt (the removed ids, one per line, in input order per task).
At the end it prints one JSON line: docs_in, docs_removed, docs_kept, wall seconds and CPU
seconds (user+sys of this process and its waited-for children) per stage.

Usage: datatrove-minhash.py --input DIR --work DIR [--workers N] [--glob PATTERN]
       (PATTERN default: part-*.jsonl when DIR has such files, else *.jsonl)
"""

import argparse
import json
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from peer_common import default_glob, cpu_seconds, read_jsonl_dir  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", required=True, help="directory of JSONL files with id and text")
    ap.add_argument("--work", required=True, help="work directory (replaced)")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--glob", default=None)
    ap.add_argument("--compression", choices=["none", "zstd", "gzip"], default="none")
    args = ap.parse_args()

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.dedup import (
        MinhashConfig,
        MinhashDedupBuckets,
        MinhashDedupCluster,
        MinhashDedupFilter,
        MinhashDedupSignature,
    )
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from datatrove.utils.hashing import HashConfig

    pattern = args.glob or default_glob(args.input)
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    workers = args.workers
    compression = None if args.compression == "none" else args.compression
    config = MinhashConfig(n_grams=5, num_buckets=14, hashes_per_bucket=8,
                           hash_config=HashConfig(precision=64, hash_fc="xxhash"))

    def reader():
        return JsonlReader(args.input, glob_pattern=pattern, text_key="text", id_key="id")

    # start_method="fork": the pool's worker processes are then children of this process, so
    # /usr/bin/time counts their CPU time (with the default forkserver it does not).
    stages = {
        "signatures": LocalPipelineExecutor(
            pipeline=[reader(), MinhashDedupSignature(output_folder=f"{work}/sigs", config=config)],
            tasks=workers, workers=workers, logging_dir=f"{work}/logs/signatures", skip_completed=False, start_method="fork"),
        "buckets": LocalPipelineExecutor(
            pipeline=[MinhashDedupBuckets(input_folder=f"{work}/sigs", output_folder=f"{work}/buckets",
                                          config=config)],
            tasks=config.num_buckets, workers=workers, logging_dir=f"{work}/logs/buckets",
            skip_completed=False, start_method="fork"),
        "cluster": LocalPipelineExecutor(
            pipeline=[MinhashDedupCluster(input_folder=f"{work}/buckets", output_folder=f"{work}/remove",
                                          config=config)],
            tasks=1, workers=1, logging_dir=f"{work}/logs/cluster", skip_completed=False, start_method="fork"),
        "filter": LocalPipelineExecutor(
            pipeline=[
                reader(),
                MinhashDedupFilter(input_folder=f"{work}/remove",
                                   exclusion_writer=JsonlWriter(f"{work}/removed", compression=compression)),
                JsonlWriter(f"{work}/kept", compression=compression),
            ],
            tasks=workers, workers=workers, logging_dir=f"{work}/logs/filter", skip_completed=False, start_method="fork"),
    }

    wall, cpu = {}, {}
    for name, executor in stages.items():
        w0, c0 = time.perf_counter(), cpu_seconds()
        executor.run()
        wall[name] = round(time.perf_counter() - w0, 3)
        cpu[name] = round(cpu_seconds() - c0, 3)

    removed = [str(r["id"]) for r in read_jsonl_dir(f"{work}/removed")]
    with open(f"{work}/removed.txt", "w") as f:
        f.writelines(i + "\n" for i in removed)
    kept = sum(1 for _ in read_jsonl_dir(f"{work}/kept"))
    print(json.dumps({
        "tool": "datatrove-minhash", "workers": workers, "glob": pattern,
        "docs_in": kept + len(removed), "docs_removed": len(removed), "docs_kept": kept,
        "wall_s": wall, "cpu_s": cpu, "wall_total_s": round(sum(wall.values()), 3),
    }))


if __name__ == "__main__":
    sys.exit(main())
