#!/usr/bin/env python3
"""Writes a JSONL corpus of realistic documents by repeating the bundled fixture documents.

The generated corpus of gen-corpus.py has a made-up vocabulary without English stop words, so
datatrove's Gopher quality filter drops nearly every document and its later filters never run.
This corpus repeats the fixture documents (written for the project: English, Chinese and eight
other languages, clean pages and spam) under fresh ids, so every filter sees realistic text.
Per-document filters see each copy alone, so the repetition across documents changes nothing
for them.

Usage: fixture-corpus.py --mb 40 --parts 4 --out DIR
"""
import argparse
import gzip
import json
import pathlib
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2] / "fixtures" / "corpus"


def jsonl_lines(path):
    if path.suffix == ".gz":
        data = gzip.decompress(path.read_bytes())
    elif path.suffix == ".zst":
        data = subprocess.run(["zstd", "-dc", str(path)], check=True, capture_output=True).stdout
    else:
        data = path.read_bytes()
    return [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]


def documents():
    docs = []
    for path in sorted((ROOT / "jsonl").iterdir()):
        docs += [record["text"] for record in jsonl_lines(path)]
    for path in sorted((ROOT / "text").glob("*.txt")):
        docs.append(path.read_text(encoding="utf-8"))
    for path in sorted((ROOT / "text" / "blocks").glob("*.txt")):
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        docs += [block.strip() for block in text.split("\n\n") if block.strip()]
    return docs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=40)
    parser.add_argument("--parts", type=int, default=4)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    docs = documents()
    per_part = args.mb * 1_000_000 // args.parts
    count = 0
    for part in range(args.parts):
        written = 0
        with open(out / f"part-{part:05d}.jsonl", "w", encoding="utf-8") as file:
            while written < per_part:
                text = docs[count % len(docs)]
                line = json.dumps({"id": f"d{count}", "text": text}, ensure_ascii=False) + "\n"
                file.write(line)
                written += len(line.encode("utf-8"))
                count += 1
    print(f"wrote {count} documents ({len(docs)} distinct fixture texts) to {out}")


if __name__ == "__main__":
    main()
