#!/usr/bin/env python3
"""Golden e-mail and IPv4 detections of datatrove's PIIFormatter, for PretextPII's tests.

Runs datatrove 0.10's PIIFormatter patterns (its e-mail regex, its IPv4 regex and its
`public_ip_validator`, default `only_remove_public_ips=True`) over

  (a) every document of fixtures/corpus/ (web-en.jsonl, news-zh.jsonl.gz,
      forum-mixed.jsonl.zst, text/**/*.txt), and
  (b) hand-written edge cases (ids `edge-NNN`): e-mails and IPv4 addresses in the
      contexts where the two implementations are expected to agree or to differ,

and writes fixtures/golden/pii-datatrove.jsonl, one line per text:

  {"id", "text", "email": [matched strings, in order], "ipv4": [matched strings]}

Like PIIFormatter.format, e-mails are replaced first and IPs are searched in the result.
Only the matches datatrove *replaces* are listed (a regex match the validator rejects is
left out).

Usage (from the repository root):

    ${DATATROVE_PYTHON:-../peers/datatrove/bin/python} scripts/golden/make-pii-golden.py

When started with a Python that lacks datatrove it re-runs itself with $DATATROVE_PYTHON
(default ../peers/datatrove/bin/python). Deterministic: same inputs, same file.
"""

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

try:
    from datatrove.pipeline.formatters.pii import PIIFormatter
except ImportError:
    python = os.environ.get("DATATROVE_PYTHON", "../peers/datatrove/bin/python")
    if os.environ.get("PII_GOLDEN_REEXEC"):
        sys.exit(f"datatrove is not importable by {sys.executable}; set DATATROVE_PYTHON")
    os.environ["PII_GOLDEN_REEXEC"] = "1"
    os.chdir(ROOT)
    os.execv(python, [python, *sys.argv])

EDGE_CASES = [
    # Agree: ordinary addresses.
    "write to zhang@example.com today",
    "first.last+tag@mail.example.org and o'brien@example.net",
    "mailto:USER_01@Example.COM.",
    "two: a@example.com,b@example.org",
    "server 8.8.8.8 answered; backup 1.1.1.1:53",
    "private 10.0.0.1, 192.168.1.1, 127.0.0.1 and docs 192.0.2.1 are left alone",
    "leading zeros 08.08.08.08 are not addresses for Python",
    "shared 100.64.0.1, multicast 224.0.0.1, reserved 240.0.0.1",
    "literal root@[192.0.2.1] here",
    # Differ: datatrove's IPv4 regex has no boundaries.
    "version string 1.2.3.4.5",
    "SNMP OID 1.3.6.1.4.1.343",
    "not an octet 11.22.33.444",
    "glued v8.8.8.8",
    "release 8.8.4.4 notes",
    # Differ: datatrove's \\b is Unicode-aware, so CJK letters glue to the address.
    "请联系zhang@example.com或致电",
    # Differ: TLD rules.
    "numeric tld x@example.123 and one letter a@b.c",
    "retina icon@2x.png",
    # Agree: not addresses for either.
    "@username and a @ b.com and trailing.@example.com",
]


def read_corpus():
    """(id, text) of every fixture document, in a fixed order."""
    corpus = ROOT / "fixtures" / "corpus"
    docs = []
    opener = {
        "web-en.jsonl": lambda p: p.read_text(encoding="utf-8"),
        "news-zh.jsonl.gz": lambda p: gzip.decompress(p.read_bytes()).decode("utf-8"),
        "forum-mixed.jsonl.zst": lambda p: subprocess.run(
            ["zstd", "-dc", str(p)], check=True, capture_output=True
        ).stdout.decode("utf-8"),
    }
    for name, read in opener.items():
        for number, line in enumerate(read(corpus / "jsonl" / name).splitlines(), 1):
            if line.strip():
                record = json.loads(line)
                docs.append((str(record.get("id") or f"{name}:{number}"), record["text"]))
    for path in sorted((corpus / "text").rglob("*.txt")):
        docs.append(("text/" + str(path.relative_to(corpus / "text")), path.read_text(encoding="utf-8")))
    return docs


def detections(formatter, text):
    """The e-mails and IPv4 addresses PIIFormatter replaces in `text`."""
    emails = [m.group(0) for m in formatter.emails_replacer.regex.finditer(text)]
    after = formatter.emails_replacer.regex.sub("email@example.com", text)
    ip = formatter.ip_replacer
    ips = [m.group(0) for m in ip.regex.finditer(after) if ip.validator(m.group(0))]
    return emails, ips


def main():
    formatter = PIIFormatter()
    texts = read_corpus() + [(f"edge-{i:03d}", text) for i, text in enumerate(EDGE_CASES)]
    out = ROOT / "fixtures" / "golden" / "pii-datatrove.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for doc_id, text in texts:
            emails, ips = detections(formatter, text)
            record = {"id": doc_id, "text": text, "email": emails, "ipv4": ips}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {len(texts)} texts to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
