"""Helpers shared by the peer scripts of the dedupe benchmark (datatrove-minhash.py,
datatrove-exact.py, datasketch-minhash.py): input selection, CPU time, JSONL reading."""

import glob
import json
import os


def default_glob(input_dir):
    """part-*.jsonl when the directory has such files (pretext-neardup-corpus), else *.jsonl."""
    return "part-*.jsonl" if glob.glob(os.path.join(input_dir, "part-*.jsonl")) else "*.jsonl"


def cpu_seconds():
    """User + system CPU seconds of this process and its waited-for children."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def read_jsonl_dir(path):
    """Yields the JSON records of every *.jsonl[.gz|.zst] file under path, in sorted file order."""
    import gzip

    for name in sorted(glob.glob(os.path.join(path, "**", "*.jsonl*"), recursive=True)):
        if name.endswith(".zst"):
            import io

            import zstandard

            raw = zstandard.ZstdDecompressor().stream_reader(open(name, "rb"))
            f = io.TextIOWrapper(raw, encoding="utf-8")
        elif name.endswith(".gz"):
            f = gzip.open(name, "rt", encoding="utf-8")
        else:
            f = open(name, encoding="utf-8")
        with f:
            for line in f:
                if line.strip():
                    yield json.loads(line)
