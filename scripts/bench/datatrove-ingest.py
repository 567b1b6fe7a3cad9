#!/usr/bin/env python3
"""The datatrove side of scripts/bench/ingest.sh: JsonlReader -> JsonlWriter(compression="zstd").

Run with the datatrove virtualenv's python (DATATROVE_PYTHON). datatrove 0.10.x API:
LocalPipelineExecutor(pipeline, tasks, workers, logging_dir); with workers=1 the tasks run in
this process, one after the other; with workers>1 in a multiprocess pool (forkserver).

Compression level: datatrove's JsonlWriter(compression="zstd") goes through fsspec, which (with
`zstandard` installed and no `backports.zstd`) compresses at zstd level 10. Set
DATATROVE_ZSTD_LEVEL=3 to re-register fsspec's "zstd" codec at that level, for a comparison at
the same level as `zstd -3` and Pretext (only in this process: use it with WORKERS=1).

Usage: datatrove-ingest.py INPUT_DIR OUTPUT_DIR [TASKS] [WORKERS]
"""

import os
import sys

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter


def set_zstd_level(level):
    import fsspec.compression
    import zstandard

    def zstandard_file(infile, mode="rb"):
        if "r" in mode:
            return zstandard.ZstdDecompressor().stream_reader(infile)
        return zstandard.ZstdCompressor(level=level).stream_writer(infile)

    fsspec.compression.register_compression("zstd", zstandard_file, "zst", force=True)


def main():
    if os.environ.get("DATATROVE_ZSTD_LEVEL"):
        set_zstd_level(int(os.environ["DATATROVE_ZSTD_LEVEL"]))
    input_dir, output_dir = sys.argv[1], sys.argv[2]
    tasks = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    workers = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    executor = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(input_dir, glob_pattern="*.jsonl", text_key="text", id_key="id"),
            JsonlWriter(output_dir + "/out", compression="zstd"),
        ],
        tasks=tasks,
        workers=workers,
        logging_dir=output_dir + "/logs",
        skip_completed=False,
    )
    executor.run()


if __name__ == "__main__":
    main()
