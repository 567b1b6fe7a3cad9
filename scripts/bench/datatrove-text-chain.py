#!/usr/bin/env python3
"""The datatrove side of scripts/bench/text-chain.sh: the text-stage chain of issue 3.

Run with the datatrove virtualenv's python (DATATROVE_PYTHON). datatrove 0.10.x API.

  chain (default):
    JsonlReader -> NFC (unicodedata.normalize, a BaseFormatter) -> GopherRepetitionFilter()
      -> GopherQualityFilter() -> C4QualityFilter() -> FineWebQualityFilter() -> PIIFormatter()
      -> JsonlWriter(compression="zstd")
  one step: JsonlReader -> STEP -> JsonlWriter(compression="zstd"), STEP one of
    nfc, gopher_repetition, gopher_quality, c4, fineweb, pii, or quality_all (the four filters
    evaluated on every document, none dropping it: what Pretext's quality stage computes)
  read: JsonlReader -> JsonlWriter(compression="zstd") (the cost every run above shares)

Every filter and formatter runs with datatrove's default arguments (English). There is no
language step: datatrove's LanguageFilter needs a fastText model downloaded at run time, which
these machines cannot do. In the chain, each filter drops documents, so later filters see fewer
of them (as in a real datatrove pipeline); a step alone sees every document.

The writer goes through fsspec, which compresses at zstd level 10 (datatrove as shipped); set
DATATROVE_ZSTD_LEVEL=3 for the level Pretext uses (see datatrove-ingest.py).

At the end it prints one line `docs_in=N docs_out=M` (documents read, documents written).

`unicodedata` mode: the Python reference for the NFC/NFKC
micro-benchmark (Benchmarks/Benchmarks/NormalizeBenchmarks): unicodedata.normalize over the
same generated mostly-ASCII documents, byte for byte (checked by their SHA-256, printed), best
of 5 passes per form, in MB of UTF-8 per second of CPU.

Usage: datatrove-text-chain.py unicodedata
       datatrove-text-chain.py INPUT OUTPUT_DIR [chain|read|nfc|gopher_repetition|
       gopher_quality|c4|fineweb|pii|quality_all] [GLOB]   (GLOB default *.jsonl)
"""

import hashlib
import json
import os
import sys
import time
import unicodedata

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.filters import (
    C4QualityFilter,
    FineWebQualityFilter,
    GopherQualityFilter,
    GopherRepetitionFilter,
)
from datatrove.pipeline.formatters import PIIFormatter
from datatrove.pipeline.formatters.base import BaseFormatter
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter


class NFCFormatter(BaseFormatter):
    """Python's unicodedata.normalize("NFC", text) on every document."""

    name = "NFC"

    def format(self, text: str) -> str:
        return unicodedata.normalize("NFC", text)


class AllFourFilters(PipelineStep):
    """The four quality filters evaluated on every document, none dropping it: what Pretext's
    quality stage computes (every family on every document), in one process so that spaCy's
    tokenizer cache is shared as in the chain."""

    name = "Gopher repetition + Gopher quality + C4 + FineWeb, every document"

    def __init__(self):
        super().__init__()
        self.filters = [GopherRepetitionFilter(), GopherQualityFilter(), C4QualityFilter(), FineWebQualityFilter()]

    def run(self, data, rank: int = 0, world_size: int = 1):
        for doc in data:
            with self.track_time():
                for f in self.filters:
                    f.filter(doc)
            yield doc


STEPS = {
    "nfc": NFCFormatter,
    "gopher_repetition": GopherRepetitionFilter,
    "gopher_quality": GopherQualityFilter,
    "c4": C4QualityFilter,
    "fineweb": FineWebQualityFilter,
    "pii": PIIFormatter,
    "quality_all": AllFourFilters,
}
CHAIN = ["nfc", "gopher_repetition", "gopher_quality", "c4", "fineweb", "pii"]


def set_zstd_level(level):
    import fsspec.compression
    import zstandard

    def zstandard_file(infile, mode="rb"):
        if "r" in mode:
            return zstandard.ZstdDecompressor().stream_reader(infile)
        return zstandard.ZstdCompressor(level=level).stream_writer(infile)

    fsspec.compression.register_compression("zstd", zstandard_file, "zst", force=True)


class TextRNG:
    """SplitMix64, as in Benchmarks/Benchmarks/NormalizeBenchmarks."""

    def __init__(self, seed):
        self.state = seed

    def next(self):
        mask = (1 << 64) - 1
        self.state = (self.state + 0x9E3779B97F4A7C15) & mask
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & mask
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
        return z ^ (z >> 31)


WORDS = [
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "was", "with", "be",
    "by", "on", "not", "he", "this", "are", "or", "his", "from", "at", "which", "but", "have",
    "an", "had", "they", "you", "were", "their", "one", "all", "we", "can", "her", "has",
    "there", "been", "if", "more", "when", "will", "would", "who", "so", "no", "people",
    "water", "history", "information", "government", "development", "between", "important",
    "example", "national", "university", "following", "community", "different", "system",
]
NON_ASCII = [
    "café", "naïve", "résumé", "\u201cquoted\u201d", "it\u2019s", "\u2014", "über",
    "cafe\u0301", "\ufb01ne", "\uff21\uff22\uff23", "Zürich", "coöperate",
]


def mostly_ascii_documents(total_bytes=8 << 20, document_bytes=4000, non_ascii_every=100, seed=42):
    """The documents of MostlyASCIIText in NormalizeBenchmarks.swift, as UTF-8 bytes."""
    words = [w.encode() for w in WORDS]
    other = [w.encode() for w in NON_ASCII]
    rng = TextRNG(seed)
    documents, total = [], 0
    while total < total_bytes:
        document = bytearray()
        while len(document) < document_bytes:
            r = rng.next()
            if non_ascii_every > 0 and r % non_ascii_every == 0:
                document += other[(r >> 8) % len(other)]
            else:
                document += words[(r >> 8) % len(words)]
            separator = (r >> 32) % 97
            document += b".\n" if separator == 0 else b". " if separator < 9 else b" "
        total += len(document)
        documents.append(bytes(document))
    return documents


def unicodedata_reference():
    documents = mostly_ascii_documents()
    size = sum(len(d) for d in documents)
    digest = hashlib.sha256(b"".join(documents)).hexdigest()[:16]
    texts = [d.decode() for d in documents]
    print(f"{len(documents)} documents, {size} bytes (sha256 {digest}), Python {sys.version.split()[0]}")
    for form in ("NFC", "NFKC"):
        for label, encode in (("str -> str", False), ("bytes -> str -> bytes", True)):
            best = None
            for _ in range(5):
                start = time.process_time()
                if encode:
                    for d in documents:
                        unicodedata.normalize(form, d.decode()).encode()
                else:
                    for t in texts:
                        unicodedata.normalize(form, t)
                elapsed = time.process_time() - start
                best = elapsed if best is None else min(best, elapsed)
            print(f"unicodedata.normalize {form} ({label}): {size / 1e6 / best:.1f} MB/s per CPU-s")


def main():
    if sys.argv[1:2] == ["unicodedata"]:
        unicodedata_reference()
        return
    if os.environ.get("DATATROVE_ZSTD_LEVEL"):
        set_zstd_level(int(os.environ["DATATROVE_ZSTD_LEVEL"]))
    input_dir, output_dir = sys.argv[1], sys.argv[2]
    mode = sys.argv[3] if len(sys.argv) > 3 else "chain"
    glob = sys.argv[4] if len(sys.argv) > 4 else "*.jsonl"
    if mode == "chain":
        steps = [STEPS[name]() for name in CHAIN]
    elif mode == "read":
        steps = []
    elif mode in STEPS:
        steps = [STEPS[mode]()]
    else:
        sys.exit(f"unknown mode {mode!r}; one of chain, read, {', '.join(STEPS)}")
    executor = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(input_dir, glob_pattern=glob, text_key="text", id_key="id"),
            *steps,
            JsonlWriter(output_dir + "/out", compression="zstd"),
        ],
        tasks=1,
        workers=1,
        logging_dir=output_dir + "/logs",
        skip_completed=False,
    )
    executor.run()
    # The executor saves the merged stats of the run; report documents in and out.
    with open(output_dir + "/logs/stats.json") as f:
        stats = json.load(f)
    docs_in = docs_out = None
    for entry in stats:
        doc_stats = entry.get("stats", {})
        if docs_in is None and "documents" in doc_stats:
            docs_in = doc_stats["documents"]["total"]
        if "total" in doc_stats and entry["name"].startswith("💽"):
            docs_out = doc_stats["total"]["total"] if isinstance(doc_stats["total"], dict) else doc_stats["total"]
    print(f"docs_in={docs_in} docs_out={docs_out}")


if __name__ == "__main__":
    main()
