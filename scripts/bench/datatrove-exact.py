#!/usr/bin/env python3
"""The datatrove side of scripts/bench/dedupe.sh: datatrove's exact dedupe, its three stages.

Run with the datatrove virtualenv's python (DATATROVE_PYTHON). datatrove 0.10.x API
(datatrove.pipeline.dedup.exact_dedup).

  1 signatures  JsonlReader -> ExactDedupSignature(finder_workers=W)   tasks = workers = W
  2 find        ExactFindDedups                                      tasks = workers = W
  3 filter      JsonlReader -> ExactDedupFilter(exclusion_writer=JsonlWriter)
                  -> JsonlWriter                                     tasks = workers = W

W = --workers. ExactDedupConfig hashes content_getter(doc) with xxhash64 (HashConfig defaults):
--content text (default) hashes the text as is; --content simplified hashes datatrove's
simplify_text(text) (lowercase, numbers -> 0, punctuation -> space, whitespace collapsed,
diacritics stripped). Every document has priority 1: of equal hashes the one with the smallest
index within its task is kept. Stage 1 splits the hash range into W parts, one per finder task
(finder_workers must equal the finder's task count, or stage 2 raises); stage 1 and stage 3
must read the input with the same task count (duplicates are named by index within a task).

Both writers write plain JSONL (compression=None) by default; --compression zstd|gzip for the
writers as shipped.

Output under --work: sigs/, dups/, removed/, kept/, logs/<stage>/ and removed.txt (the removed
ids, one per line). Prints one JSON line: docs_in, docs_removed, docs_kept, wall and CPU
seconds (user+sys of this process and its waited-for children) per stage.

Usage: datatrove-exact.py --input DIR --work DIR [--workers N] [--glob PATTERN]
       [--content text|simplified]
"""

import argparse
import json
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from peer_common import default_glob, cpu_seconds, read_jsonl_dir  # noqa: E402


# Module-level with a return annotation: ExactDedupSignature picks the hash function's input type
# (str or bytes) from inspect.signature(content_getter).return_annotation.
def text_content(doc) -> str:
    return doc.text


def simplified_content(doc) -> str:
    from datatrove.utils.text import simplify_text

    return simplify_text(doc.text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--glob", default=None)
    ap.add_argument("--content", choices=["text", "simplified"], default="text")
    ap.add_argument("--compression", choices=["none", "zstd", "gzip"], default="none")
    args = ap.parse_args()

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.dedup import ExactDedupConfig, ExactDedupFilter, ExactDedupSignature, ExactFindDedups
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    pattern = args.glob or default_glob(args.input)
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    workers = args.workers
    compression = None if args.compression == "none" else args.compression
    config = ExactDedupConfig(content_getter=text_content if args.content == "text" else simplified_content)

    def reader():
        return JsonlReader(args.input, glob_pattern=pattern, text_key="text", id_key="id")

    # start_method="fork": the pool's worker processes are then children of this process, so
    # /usr/bin/time counts their CPU time (with the default forkserver it does not).
    common = dict(skip_completed=False, start_method="fork")
    stages = {
        "signatures": LocalPipelineExecutor(
            pipeline=[reader(), ExactDedupSignature(output_folder=f"{work}/sigs", config=config,
                                                    finder_workers=workers)],
            tasks=workers, workers=workers, logging_dir=f"{work}/logs/signatures", **common),
        "find": LocalPipelineExecutor(
            pipeline=[ExactFindDedups(data_folder=f"{work}/sigs", output_folder=f"{work}/dups", config=config)],
            tasks=workers, workers=workers, logging_dir=f"{work}/logs/find", **common),
        "filter": LocalPipelineExecutor(
            pipeline=[
                reader(),
                ExactDedupFilter(data_folder=f"{work}/dups", config=config,
                                 exclusion_writer=JsonlWriter(f"{work}/removed", compression=compression)),
                JsonlWriter(f"{work}/kept", compression=compression),
            ],
            tasks=workers, workers=workers, logging_dir=f"{work}/logs/filter", **common),
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
        "tool": "datatrove-exact", "workers": workers, "glob": pattern, "content": args.content,
        "docs_in": kept + len(removed), "docs_removed": len(removed), "docs_kept": kept,
        "wall_s": wall, "cpu_s": cpu, "wall_total_s": round(sum(wall.values()), 3),
    }))


if __name__ == "__main__":
    sys.exit(main())
