"""MosaicML Streaming peer of the loader benchmark (scripts/bench/loader.sh, issue 13).

  streaming_peer.py convert --dataset DIR --out MDS [--layout columns|bytes]
      Reads the fixed-size example records of a Pretext `examples` dataset straight from its
      shards (`zstd -dc`, numpy dtype from the catalog's `record_schema`, catalog order) and
      writes them with `streaming.MDSWriter(compression="zstd")`. Layout `columns`: one column
      per record field as `ndarray:<dtype>:<count>` (the stored dtype, fixed shape: MDS stores
      the raw values with no per-sample shape header) -- the idiomatic MDS schema. Layout
      `bytes`: one `bytes` column holding the whole record, decoded by numpy in the collate
      function -- Pretext's own layout, and Streaming's fastest (one column to decode per
      sample instead of seven).

  streaming_peer.py read --mds MDS --workers W --batch-size B --batches N [--keep-raw]
      StreamingDataset(local=MDS, shuffle=True, batch_size=B) through
      torch.utils.data.DataLoader(num_workers=W, batch_size=B), collating every field to an
      int32 tensor plus `attention_mask` (the same tensors as Pretext's Batch). Prints the time
      to first batch (construction of the dataset and loader included), then examples/s and
      MB/s of record bytes over all N batches, as `pretext loader-bench` does, and the CPU
      seconds of this process and its workers from opening to the end. Unless
      --keep-raw, the decompressed `.mds` files that Streaming leaves next to the `.mds.zstd`
      ones are removed first, so it decompresses every shard like Pretext does every epoch.
"""

import argparse
import gc
import glob
import json
import os
import sqlite3
import subprocess
import sys
import time

import numpy as np

CODES = {"uint8": "u1", "int8": "i1", "uint16": "<u2", "int16": "<i2", "uint32": "<u4",
         "int32": "<i4", "uint64": "<u8", "int64": "<i8", "float32": "<f4", "float64": "<f8"}


def import_streaming():
    """Imports streaming. Its __init__ imports streaming.vision, hence torchvision, which the
    benchmark does not use; PyPI's torchvision wheels are built against the CUDA torch and fail
    against a CPU one ("operator torchvision::nms does not exist"). Without a working
    torchvision (uninstall it from the venv), a stub with the two names streaming.vision
    imports stands in."""
    try:
        import torchvision  # noqa: F401
    except ImportError:
        import importlib.machinery
        import types

        class VisionDataset:
            def __init__(self, *args, **kwargs):
                raise RuntimeError("torchvision stub: not installed")

        stubs = {name: types.ModuleType(name) for name in (
            "torchvision", "torchvision.datasets", "torchvision.transforms",
            "torchvision.transforms.functional")}
        for name, module in stubs.items():
            module.__spec__ = importlib.machinery.ModuleSpec(name, None)
        stubs["torchvision.datasets"].VisionDataset = VisionDataset
        stubs["torchvision.transforms.functional"].to_tensor = VisionDataset
        sys.modules.update(stubs)
    import streaming

    return streaming


def cpu_seconds():
    """User + system CPU seconds of this process and its waited-for children (the workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def record_fields(dataset):
    """[(name, type, count)] of the dataset's record_schema, and its shard paths in catalog order."""
    catalog = sqlite3.connect(f"file:{dataset}/catalog.sqlite?mode=ro", uri=True)
    schema = json.loads(catalog.execute(
        "SELECT value FROM dataset_meta WHERE key = 'record_schema'").fetchone()[0])
    fields = []
    for name, t in schema.items():  # keys are in layout order
        base, count = t.split("[")
        if count == "]":
            sys.exit(f"error: variable-length field {name}: make examples first")
        fields.append((name, base, int(count[:-1])))
    shards = [path for (path,) in catalog.execute(
        "SELECT path FROM shards WHERE kind = 'examples' ORDER BY id")]
    return fields, shards


def convert(args):
    MDSWriter = import_streaming().MDSWriter

    fields, shards = record_fields(args.dataset)
    dtype = np.dtype([(name, CODES[base], (count,)) for name, base, count in fields])
    if args.layout == "columns":
        columns = {name: f"ndarray:{base}:{count}" for name, base, count in fields}
    else:
        columns = {"record": "bytes"}
    size = dtype.itemsize
    start = time.perf_counter()
    written = 0
    with MDSWriter(out=args.out, columns=columns, compression="zstd") as writer:
        for path in shards:
            raw = subprocess.run(["zstd", "-dc", os.path.join(args.dataset, path)], check=True,
                                 capture_output=True).stdout
            records = np.frombuffer(raw, dtype=dtype)
            if args.layout == "columns":
                for record in records:
                    writer.write({name: record[name] for name, _, _ in fields})
            else:
                for i in range(len(records)):
                    writer.write({"record": raw[i * size:(i + 1) * size]})
            written += len(records)
    meta = {"fields": fields, "examples": written, "record_bytes": size, "layout": args.layout}
    with open(os.path.join(args.out, "pretext-schema.json"), "w") as f:
        json.dump(meta, f)
    print(f"converted {written} examples of {dtype.itemsize} bytes in "
          f"{time.perf_counter() - start:.1f} s; columns {columns}")


def read(args):
    import torch

    StreamingDataset = import_streaming().StreamingDataset
    from streaming.base.util import clean_stale_shared_memory

    torch.set_num_threads(1)
    clean_stale_shared_memory()
    with open(os.path.join(args.mds, "pretext-schema.json")) as f:
        meta = json.load(f)
    names = [name for name, _, _ in meta["fields"]]
    has_length = "length" in names
    sequence_len = max(count for _, _, count in meta["fields"])
    if not args.keep_raw:
        for zipped in glob.glob(os.path.join(args.mds, "*.mds.zstd")):
            raw = zipped[: -len(".zstd")]
            if os.path.exists(raw):
                os.remove(raw)
    positions = np.arange(sequence_len, dtype=np.int32)

    dtype = np.dtype([(name, CODES[base], (count,)) for name, base, count in meta["fields"]])

    def collate(samples):
        if meta.get("layout") == "bytes":
            records = np.frombuffer(b"".join(s["record"] for s in samples), dtype=dtype)
            batch = {name: torch.from_numpy(records[name].astype(np.int32)) for name in names}
        else:
            batch = {name: torch.from_numpy(np.stack([s[name] for s in samples]).astype(np.int32))
                     for name in names}
        if has_length:
            lengths = batch["length"].numpy()[:, :1]
            batch["attention_mask"] = torch.from_numpy((positions < lengths).astype(np.int32))
        return batch

    cpu_start = cpu_seconds()
    start = time.perf_counter()
    dataset = StreamingDataset(local=args.mds, shuffle=True, shuffle_seed=args.seed,
                               batch_size=args.batch_size)
    loader = torch.utils.data.DataLoader(dataset, batch_size=args.batch_size,
                                         num_workers=args.workers, collate_fn=collate,
                                         persistent_workers=False)
    opened = time.perf_counter()
    iterator = iter(loader)
    taken = 0
    examples = 0
    first = None
    while taken < args.batches:
        try:
            batch = next(iterator)
        except StopIteration:  # the epoch ended: go on into the next, as Pretext does
            iterator = iter(loader)
            continue
        if first is None:
            first = time.perf_counter()
        examples += batch[names[0]].shape[0]
        taken += 1
    end = time.perf_counter()
    del iterator  # joins the worker processes, so their CPU time counts below
    gc.collect()
    cpu = cpu_seconds() - cpu_start
    elapsed = end - opened
    print(f"examples: {len(dataset)}")
    print(f"time to first batch: {(first - start) * 1000:.1f} ms")
    print(f"{taken} batches, {examples} examples in {elapsed:.3f} s")
    print(f"examples/s: {examples / elapsed:.0f}")
    print(f"MB/s (records): {examples * meta['record_bytes'] / 1e6 / elapsed:.1f}")
    print(f"cpu s (loader): {cpu:.2f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("convert")
    c.add_argument("--dataset", required=True)
    c.add_argument("--out", required=True)
    c.add_argument("--layout", choices=["columns", "bytes"], default="columns")
    r = sub.add_parser("read")
    r.add_argument("--mds", required=True)
    r.add_argument("--workers", type=int, default=0)
    r.add_argument("--batch-size", type=int, default=32)
    r.add_argument("--batches", type=int, default=200)
    r.add_argument("--seed", type=int, default=0)
    r.add_argument("--keep-raw", action="store_true")
    sub.add_parser("check", help="print the versions of streaming, torch and numpy")
    args = parser.parse_args()
    if args.command == "check":
        import torch

        print(f"mosaicml-streaming {import_streaming().__version__}, torch {torch.__version__}, "
              f"numpy {np.__version__}")
    else:
        convert(args) if args.command == "convert" else read(args)


if __name__ == "__main__":
    main()
