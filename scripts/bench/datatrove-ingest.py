#!/usr/bin/env python3
"""The datatrove side of scripts/bench/ingest.sh: JsonlReader -> JsonlWriter(compression="zstd").

Run with the datatrove virtualenv's python (DATATROVE_PYTHON). datatrove 0.10.x API:
LocalPipelineExecutor(pipeline, tasks, workers, logging_dir); with workers=1 the tasks run in
this process, one after the other; with workers>1 in a multiprocess pool (forkserver).

Usage: datatrove-ingest.py INPUT_DIR OUTPUT_DIR [TASKS] [WORKERS]
"""

import sys

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter


def main():
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
