#!/usr/bin/env python3
"""Build the charset fixtures in fixtures/charsets/ from the UTF-8 texts in fixtures/charsets/src/.

Usage:  python3 scripts/make-charset-fixtures.py [--check]

For every source text `src/NAME.txt` (title line, blank line, paragraphs separated by blank
lines; written for Pretext), writes, encoded in the charset NAME with Python's own codecs
(an implementation independent of ICU, which Pretext decodes with):

  NAME.txt        the source text, encoded (a text/plain payload)
  NAME.html       an HTML page of the text with no charset declaration
  NAME-meta.html  the same page declaring its charset in the way listed in DECLARATIONS

and gbk.html compressed as HTTP `Content-Encoding: deflate` bodies come: gbk-html.zlib (a zlib
stream, as RFC 9110 says) and gbk-html.deflate (raw deflate, as some servers send).

Deterministic; --check rebuilds in memory and compares with the committed files.
"""

from __future__ import annotations

import html
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIR = ROOT / "fixtures" / "charsets"

# Fixture name -> Python codec.
CODECS = {
    "gbk": "gbk",
    "gb18030": "gb18030",
    "big5": "big5",
    "shift_jis": "shift_jis",
    "euc-jp": "euc_jp",
    "euc-kr": "euc_kr",
    "windows-1251": "cp1251",
    "koi8-r": "koi8_r",
}

# How each -meta page declares its charset: every form the sniffer reads, once or more.
DECLARATIONS = {
    "gbk": '<meta charset="gbk">',
    "gb18030": "<meta charset=GB18030>",
    "big5": '<meta http-equiv="Content-Type" content="text/html; charset=big5">',
    # A commented-out declaration comes first: comments must be skipped.
    "shift_jis": '<!-- <meta charset="utf-8"> -->\n'
    '<meta http-equiv="content-type" content="text/html;charset=Shift_JIS">',
    "euc-jp": None,  # an XML declaration, written before the doctype
    "euc-kr": '<meta content="text/html; charset=euc-kr" http-equiv="Content-Type">',
    "windows-1251": "<meta charset='windows-1251'>",
    "koi8-r": '<meta name="viewport" content="width=device-width"><meta charset="koi8-r">',
}


def page(title: str, paragraphs: list[str], declaration: str | None, xml: str | None) -> str:
    head = (declaration + "\n") if declaration else ""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    prolog = f'<?xml version="1.0" encoding="{xml}"?>\n' if xml else ""
    return (
        f"{prolog}<!DOCTYPE html>\n<html><head>\n{head}<title>{html.escape(title)}</title>\n"
        f'<script>var n = 1 < 2;</script>\n</head>\n<body>\n{body}\n</body></html>\n'
    )


def build() -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for name, codec in CODECS.items():
        text = (DIR / "src" / f"{name}.txt").read_text(encoding="utf-8")
        blocks = [b.strip() for b in text.strip().split("\n\n")]
        title, paragraphs = blocks[0], blocks[1:]
        files[f"{name}.txt"] = text.encode(codec)
        files[f"{name}.html"] = page(title, paragraphs, None, None).encode(codec)
        xml = "EUC-JP" if name == "euc-jp" else None
        files[f"{name}-meta.html"] = page(title, paragraphs, DECLARATIONS[name], xml).encode(codec)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    files["gbk-html.deflate"] = compressor.compress(files["gbk.html"]) + compressor.flush()
    files["gbk-html.zlib"] = zlib.compress(files["gbk.html"], 9)
    return files


def main() -> int:
    files = build()
    if "--check" in sys.argv[1:]:
        stale = [n for n, b in files.items() if not (DIR / n).exists() or (DIR / n).read_bytes() != b]
        for n in stale:
            print(f"out of date: fixtures/charsets/{n}", file=sys.stderr)
        return 1 if stale else 0
    for n, b in files.items():
        (DIR / n).write_bytes(b)
    return 0


if __name__ == "__main__":
    sys.exit(main())
