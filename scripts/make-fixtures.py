#!/usr/bin/env python3
"""Build Pretext's bundled fixture corpus from the hand-written sources in fixtures/src/.

Usage:  python3 scripts/make-fixtures.py [--check]

Writes fixtures/corpus/**, fixtures/broken/** and fixtures/expected.json. Deterministic:
fixed ordering, gzip mtime 0, UUIDs derived from names, no clocks or randomness, so running
it twice gives byte-identical files. Needs Python 3.11+ (stdlib only) and the `zstd` CLI
(the .zst bytes depend on the zstd version; the decompressed content never does).

--check rebuilds into a temporary directory and compares it with the committed files.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import html
import html.parser
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "fixtures" / "src"
MAX_DOCUMENT_BYTES = 65536

SOURCE_FILES = [
    "web-en.txt",
    "news-zh.txt",
    "forum-mixed.txt",
    "text-docs.txt",
    "blocks.txt",
    "warc-pages.txt",
    "broken-good.txt",
]


# --------------------------------------------------------------------------------------
# Source parsing


def parse_source(path: Path) -> list[dict]:
    """Parse a "%% key=value ..." document file into a list of {meta..., "body": str}."""
    docs: list[dict] = []
    current: dict | None = None
    body: list[str] = []

    def flush():
        if current is not None:
            text = "\n".join(body).strip("\n")
            current["body"] = text
            docs.append(current)

    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("%% "):
            flush()
            current = {"_source": path.name}
            for tok in shlex.split(line[3:]):
                key, _, value = tok.partition("=")
                if key in current and key.startswith("edit"):
                    raise SystemExit(f"{path.name}: repeated {key}")
                current[key] = value
            body = []
        elif current is None:
            continue  # header comments
        else:
            body.append(line)
    flush()
    return docs


def unescape_arg(s: str) -> str:
    return s.replace("\\n", "\n")


def apply_edit(text: str, edit: str) -> str:
    kind, _, arg = edit.partition(":")
    arg = unescape_arg(arg)
    if kind == "exact":
        return text
    if kind == "footer":
        return text.rstrip("\n") + "\n\n" + arg
    if kind == "header":
        return arg + "\n\n" + text
    if kind == "replace":
        old, sep, new = arg.partition("=>")
        if not sep or old not in text:
            raise SystemExit(f"replace edit: {old!r} not found")
        return text.replace(old, new, 1)
    if kind == "whitespace":
        # Different whitespace only: two spaces after sentence ends, trailing spaces,
        # and paragraph breaks widened to two blank lines.
        out = text.replace(". ", ".  ")
        out = "\n".join((l + "  ") if l else l for l in out.split("\n"))
        return out.replace("\n\n", "\n\n\n")
    if kind == "droplast":
        paras = text.split("\n\n")
        if len(paras) < 2:
            raise SystemExit("droplast edit on a one-paragraph document")
        return "\n\n".join(paras[:-1])
    raise SystemExit(f"unknown edit {edit!r}")


def load_all() -> dict[str, list[dict]]:
    by_file = {name: parse_source(SRC / name) for name in SOURCE_FILES}
    index: dict[str, dict] = {}
    for name in SOURCE_FILES:
        for d in by_file[name]:
            if "copy" in d:
                continue
            key = d["id"]
            if key in index:
                raise SystemExit(f"duplicate source id {key}")
            index[key] = d
    for name in SOURCE_FILES:
        for d in by_file[name]:
            if "copy" not in d:
                continue
            orig = index[d["copy"]]
            if d["body"]:
                raise SystemExit(f"copy {d['id']} must have an empty body")
            merged = {k: v for k, v in orig.items() if k not in ("body", "_source")}
            for k, v in d.items():
                if k != "body":
                    merged[k] = v
            text = orig["body"]
            edits = [d[k] for k in ("edit", "edit2", "edit3") if k in d]
            for e in edits:
                text = apply_edit(text, e)
            merged["body"] = text
            merged["edits"] = edits
            d.clear()
            d.update(merged)
    return by_file


def doc_id(d: dict) -> str:
    return d["id"]


# --------------------------------------------------------------------------------------
# Writers


def write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def gz(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def zstd(data: bytes) -> bytes:
    return subprocess.run(
        ["zstd", "-q", "-19", "--single-thread", "-c", "-"],
        input=data, stdout=subprocess.PIPE, check=True,
    ).stdout


def jline(rec: dict) -> bytes:
    return json.dumps(rec, ensure_ascii=False).encode("utf-8") + b"\n"


class Expect:
    """Collects expected.json entries."""

    def __init__(self):
        self.files: dict[str, dict] = {}

    def add(self, rel: str, fmt: str, docs: list[dict], rejects: dict | None = None, **extra):
        langs: dict[str, int] = {}
        for d in docs:
            lang = d.get("lang", "und")
            langs[lang] = langs.get(lang, 0) + 1
        entry = {
            "format": fmt,
            "documents": len(docs),
            "rejects": dict(sorted((rejects or {}).items())),
            "records": len(docs) + sum((rejects or {}).values()),
            "languages": dict(sorted(langs.items())),
            "ids": [None if "noid" in d else (int(d["intid"]) if "intid" in d else d["id"]) for d in docs],
        }
        entry.update(extra)
        self.files[rel] = entry


def build_jsonl(out: Path, by_file, exp: Expect) -> dict[str, str]:
    """Returns a map doc id -> output file (relative) for the duplicate report."""
    where: dict[str, str] = {}
    jdir = out / "corpus" / "jsonl"

    # web-en.jsonl: plain
    recs = []
    for d in by_file["web-en.txt"]:
        recs.append({
            "id": d["id"], "text": d["body"], "url": d["url"], "date": d["date"],
            "title": d.get("title", ""), "source": "web-en",
            "meta": {"kind": d.get("kind", ""), "lang": d["lang"]},
        })
    write(jdir / "web-en.jsonl", b"".join(jline(r) for r in recs))
    exp.add("corpus/jsonl/web-en.jsonl", "jsonl", by_file["web-en.txt"], text_key="text", id_key="id")

    # news-zh.jsonl.gz
    recs = []
    for d in by_file["news-zh.txt"]:
        recs.append({
            "id": d["id"], "text": d["body"], "url": d["url"], "date": d["date"],
            "title": d.get("title", ""), "section": d.get("section", ""),
            "source": "news-zh", "lang": d["lang"],
        })
    write(jdir / "news-zh.jsonl.gz", gz(b"".join(jline(r) for r in recs)))
    exp.add("corpus/jsonl/news-zh.jsonl.gz", "jsonl.gz", by_file["news-zh.txt"], text_key="text", id_key="id")

    # forum-mixed.jsonl.zst: some records without id, one integer id
    recs = []
    for d in by_file["forum-mixed.txt"]:
        r: dict = {}
        if "intid" in d:
            r["id"] = int(d["intid"])
        elif "noid" not in d:
            r["id"] = d["id"]
        r.update({
            "text": d["body"], "url": d["url"], "date": d["date"],
            "thread": d.get("thread", ""), "author": d.get("author", ""),
            "score": int(d.get("score", "0")), "lang": d["lang"],
        })
        recs.append(r)
    write(jdir / "forum-mixed.jsonl.zst", zstd(b"".join(jline(r) for r in recs)))
    exp.add("corpus/jsonl/forum-mixed.jsonl.zst", "jsonl.zst", by_file["forum-mixed.txt"], text_key="text", id_key="id",
            note="records without an id get a generated one; one record has an integer id (1005)")

    for name, rel in (("web-en.txt", "corpus/jsonl/web-en.jsonl"),
                      ("news-zh.txt", "corpus/jsonl/news-zh.jsonl.gz"),
                      ("forum-mixed.txt", "corpus/jsonl/forum-mixed.jsonl.zst")):
        for d in by_file[name]:
            where[str(doc_id(d))] = rel
    return where


def build_text(out: Path, by_file, exp: Expect, where: dict[str, str]) -> None:
    tdir = out / "corpus" / "text"
    for d in by_file["text-docs.txt"]:
        rel = f"corpus/text/{d['file']}"
        write(out / rel, d["body"].encode("utf-8") + b"\n")
        exp.add(rel, "text", [d], mode="file")
        where[d["id"]] = rel

    groups: dict[str, list[dict]] = {}
    for d in by_file["blocks.txt"]:
        groups.setdefault(d["block"], []).append(d)
    for name in sorted(groups):
        docs = groups[name]
        bodies = [d["body"] for d in docs]
        if "\n\n" in "".join(bodies):
            raise SystemExit(f"blocks document with a blank line in {name}")
        if name.endswith("-crlf.txt"):
            data = ("\r\n\r\n".join(b.replace("\n", "\r\n") for b in bodies) + "\r\n").encode()
            note = "CRLF line endings; documents separated by one empty line"
        elif name.startswith("zh-"):
            # Runs of several empty lines between blocks, plus leading and trailing ones.
            seps = ["\n\n\n", "\n\n", "\n\n\n\n", "\n\n", "\n\n\n"]
            s = "\n"
            for i, b in enumerate(bodies):
                s += b + (seps[i % len(seps)] if i < len(bodies) - 1 else "\n\n")
            data = s.encode()
            note = "leading, trailing and repeated empty lines between blocks (each run is one separator)"
        else:
            data = ("\n\n".join(bodies) + "\n").encode()
            note = "documents separated by one empty line"
        rel = f"corpus/text/blocks/{name}"
        write(out / rel, data)
        exp.add(rel, "text", docs, mode="blocks", note=note)
        for d in docs:
            where[d["id"]] = rel


# --------------------------------------------------------------------------------------
# HTML, WARC and WET

ENTITY_MAP = {
    "\u2014": "&#8212;", "\u201c": "&ldquo;", "\u201d": "&rdquo;", "\u2018": "&lsquo;",
    "\u2019": "&#8217;", "\u00a9": "&copy;", "\u00a3": "&pound;",
}

STYLE = ("body{font-family:Georgia,serif;margin:0 auto;max-width:42em;color:#222}"
         "nav a{margin-right:.8em;text-decoration:none}.cookie{background:#eee;padding:.5em}"
         "footer{font-size:.8em;color:#666;border-top:1px solid #ccc}")
SCRIPT = ("(function(){var c=document.cookie.indexOf('consent=1')<0;"
          "if(c&&window.showBanner){window.showBanner()}})();")


def esc(text: str) -> str:
    s = html.escape(text, quote=False)
    for ch, ent in ENTITY_MAP.items():
        s = s.replace(ch, ent)
    return s.replace("{nbsp}", "&nbsp;")


def render_html(d: dict) -> str:
    if d["template"] == "raw":
        return d["body"] + "\n"
    site, title, lang = d["site"], d["title"], d["lang"].split("-")[0]
    nav: list[str] = []
    main: list[str] = []
    footer: list[str] = []
    cookie: list[str] = []
    in_list = False
    for line in d["body"].split("\n"):
        line = line.strip()
        if not line:
            continue
        if line.startswith("nav:"):
            nav = [x.strip() for x in line[4:].split("|")]
            continue
        if line.startswith("footer:"):
            footer.append(line[7:].strip())
            continue
        if line.startswith("- "):
            if not in_list:
                main.append("<ul>")
                in_list = True
            main.append(f"  <li>{esc(line[2:])}</li>")
            continue
        if in_list:
            main.append("</ul>")
            in_list = False
        if line.startswith("## "):
            main.append(f"<h2>{esc(line[3:])}</h2>")
        elif "cookie" in line.lower() and not main:
            cookie.append(line)
        else:
            main.append(f"<p>{esc(line)}</p>")
    if in_list:
        main.append("</ul>")
    nav_html = []
    for i, item in enumerate(nav):
        href = "/" if i == 0 else f"/section-{i}/"
        nav_html.append(f'<a href="{href}">{esc(item)}</a>')
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)} &#8212; {esc(site)}</title>",
        f"<style>{STYLE}</style>",
        f"<script>{SCRIPT}</script>",
        "</head>",
        "<body>",
    ]
    if cookie:
        parts.append(f'<div class="cookie" id="cookie-banner">{esc(cookie[0])} '
                     '<button onclick="accept()">OK</button></div>')
    if nav:
        parts.append("<nav>" + " ".join(nav_html) + "</nav>")
    parts += ["<main>", "<article>", f"<h1>{esc(title)}</h1>", *main, "</article>", "</main>"]
    parts.append('<script>window.analytics&&window.analytics.track("view");</script>')
    if footer:
        parts.append("<footer>" + "".join(f"<p>{esc(f)}</p>" for f in footer) + "</footer>")
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


class TextExtractor(html.parser.HTMLParser):
    """A small WET-style extractor: drops script/style, one line per block element."""

    BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "li", "ul", "nav", "footer", "article",
             "main", "header", "section", "br", "tr", "title", "button", "body"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.cur: list[str] = []
        self.skip = 0
        self.in_head = False

    def _break(self):
        line = re.sub(r"[ \t\r\n]+", " ", "".join(self.cur)).strip(" ")
        if line:
            self.lines.append(line)
        self.cur = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "head":
            self.in_head = True
        if tag in self.BLOCK:
            self._break()

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
        elif tag == "head":
            self.in_head = False
        if tag in self.BLOCK:
            self._break()

    def handle_data(self, data):
        if self.skip:
            return
        if self.in_head and self.lasttag != "title":
            return
        self.cur.append(data)

    def text(self) -> str:
        self._break()
        return "\n".join(self.lines)


def extract_text(page: str) -> str:
    p = TextExtractor()
    p.feed(page)
    p.close()
    return p.text()


def rid(name: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'pretext-fixtures:' + name)}>"


def sha1_b32(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def http_date(warc_date: str) -> str:
    # 2024-10-03T08:12:45Z -> Thu, 03 Oct 2024 08:12:45 GMT
    import datetime
    dt = datetime.datetime.strptime(warc_date, "%Y-%m-%dT%H:%M:%SZ")
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    return f"{days[dt.weekday()]}, {dt.day:02d} {MONTHS[dt.month - 1]} {dt.year} {dt:%H:%M:%S} GMT"


def warc_record(headers: list[tuple[str, str]], block: bytes, content_length: str | None = None) -> bytes:
    """Serialize one WARC/1.0 record; Content-Length is computed unless overridden."""
    cl = str(len(block)) if content_length is None else content_length
    out = [b"WARC/1.0\r\n"]
    for k, v in headers:
        if k == "Content-Type":  # keep Content-Length right before Content-Type
            out.append(f"Content-Length: {cl}\r\n".encode())
        out.append(f"{k}: {v}\r\n".encode("utf-8"))
    out.append(b"\r\n")
    out.append(block)
    out.append(b"\r\n\r\n")
    return b"".join(out)


def warcinfo(filename: str, date: str, description: str) -> tuple[str, bytes]:
    rec_id = rid("warcinfo:" + filename)
    fields = (
        "software: pretext-make-fixtures/1.0 (scripts/make-fixtures.py)\r\n"
        "format: WARC File Format 1.0\r\n"
        "conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.0/\r\n"
        "isPartOf: pretext-fixtures\r\n"
        f"description: {description}\r\n"
        "operator: Pretext fixture generator (no real crawl; all pages written for Pretext)\r\n"
        "robots: obey\r\n"
        "http-header-user-agent: PretextFixtureBot/1.0 (+https://example.org/pretext-bot)\r\n"
    ).encode()
    headers = [
        ("WARC-Type", "warcinfo"),
        ("WARC-Date", date),
        ("WARC-Filename", filename),
        ("WARC-Record-ID", rec_id),
        ("Content-Type", "application/warc-fields"),
    ]
    return rec_id, warc_record(headers, fields)


LANG3 = {"en": "eng", "zh": "zho", "ja": "jpn", "ko": "kor", "de": "deu", "fr": "fra",
         "es": "spa", "ru": "rus", "ar": "ara", "hi": "hin"}


def page_records(d: dict, info_id: str, content_length_override: str | None = None,
                 with_request: bool = True, with_metadata: bool = True,
                 name_prefix: str = "") -> tuple[list[bytes], str, bytes]:
    """Returns ([request, response, metadata] records, response id, HTML payload bytes)."""
    url = d["url"]
    date = d["date"]
    host = re.match(r"https?://([^/]+)", url).group(1)
    path = url[len(re.match(r"https?://[^/]+", url).group(0)):] or "/"
    page = render_html(d).encode("utf-8")
    key = name_prefix + d["id"]
    req_id, resp_id, meta_id = rid("request:" + key), rid("response:" + key), rid("metadata:" + key)

    recs = []
    if with_request:
        req = (f"GET {path} HTTP/1.1\r\n"
               f"Host: {host}\r\n"
               "User-Agent: PretextFixtureBot/1.0 (+https://example.org/pretext-bot)\r\n"
               "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
               "Accept-Language: en-US,en;q=0.5\r\n"
               "Accept-Encoding: identity\r\n"
               "Connection: close\r\n\r\n").encode()
        recs.append(warc_record([
            ("WARC-Type", "request"), ("WARC-Date", date), ("WARC-Record-ID", req_id),
            ("Content-Type", "application/http; msgtype=request"),
            ("WARC-Warcinfo-ID", info_id), ("WARC-IP-Address", d["ip"]),
            ("WARC-Target-URI", url), ("WARC-Block-Digest", sha1_b32(req)),
        ], req))

    ctype = "text/html; charset=utf-8" if d["id"] != "warc-0004" else "text/html"
    http_headers = (f"HTTP/1.1 200 OK\r\n"
                    f"Date: {http_date(date)}\r\n"
                    f"Server: {d['server']}\r\n"
                    f"Content-Type: {ctype}\r\n"
                    f"Content-Length: {len(page)}\r\n"
                    "Cache-Control: max-age=600\r\n"
                    f"Set-Cookie: session=fixture{abs(hash_small(key))}; Path=/; HttpOnly\r\n"
                    "Connection: close\r\n\r\n").encode()
    block = http_headers + page
    headers = [
        ("WARC-Type", "response"), ("WARC-Date", date), ("WARC-Record-ID", resp_id),
        ("Content-Type", "application/http; msgtype=response"),
        ("WARC-Warcinfo-ID", info_id),
    ]
    if with_request:
        headers.append(("WARC-Concurrent-To", req_id))
    headers += [
        ("WARC-IP-Address", d["ip"]), ("WARC-Target-URI", url),
        ("WARC-Payload-Digest", sha1_b32(page)), ("WARC-Block-Digest", sha1_b32(block)),
        ("WARC-Identified-Payload-Type", "text/html"),
    ]
    recs.append(warc_record(headers, block, content_length_override))

    if with_metadata:
        meta = (f"fetchTimeMs: {40 + hash_small(key) % 400}\r\n"
                f"charset-detected: UTF-8\r\n"
                f"languages-cld2: {{\"languages\":[{{\"code\":\"{d['lang'].split('-')[0]}\"}}]}}\r\n").encode()
        recs.append(warc_record([
            ("WARC-Type", "metadata"), ("WARC-Date", date), ("WARC-Record-ID", meta_id),
            ("Content-Type", "application/warc-fields"),
            ("WARC-Warcinfo-ID", info_id), ("WARC-Concurrent-To", resp_id),
            ("WARC-Target-URI", url), ("WARC-Block-Digest", sha1_b32(meta)),
        ], meta))
    return recs, resp_id, page


def hash_small(s: str) -> int:
    return int.from_bytes(hashlib.sha256(s.encode()).digest()[:4], "big")


def build_warc(out: Path, by_file, exp: Expect, where: dict[str, str]) -> None:
    pages = by_file["warc-pages.txt"]
    wdir = out / "corpus" / "warc"
    fname = "fixture-00000.warc.gz"
    wetname = "fixture-00000.warc.wet.gz"

    info_id, info = warcinfo(fname, "2024-10-03T08:12:00Z", f"Pretext fixture crawl: {len(pages)} HTML pages")
    members = [gz(info)]
    wet_info_id, wet_info = warcinfo(wetname, "2024-10-03T09:00:00Z",
                                     "Pretext fixture WET: text extracted from fixture-00000.warc.gz")
    wet_members = [gz(wet_info)]
    for d in pages:
        recs, resp_id, page = page_records(d, info_id)
        members += [gz(r) for r in recs]
        text = extract_text(page.decode("utf-8")).encode("utf-8")
        wet_members.append(gz(warc_record([
            ("WARC-Type", "conversion"), ("WARC-Target-URI", d["url"]), ("WARC-Date", d["date"]),
            ("WARC-Record-ID", rid("conversion:" + d["id"])), ("WARC-Refers-To", resp_id),
            ("WARC-Block-Digest", sha1_b32(text)),
            ("WARC-Identified-Content-Language", LANG3[d["lang"].split("-")[0]]),
            ("Content-Type", "text/plain"),
        ], text)))
    write(wdir / fname, b"".join(members))
    write(wdir / wetname, b"".join(wet_members))
    n = len(pages)
    exp.add(f"corpus/warc/{fname}", "warc", pages,
            warc_records={"warcinfo": 1, "request": n, "response": n, "metadata": n},
            note="one document per HTML response record; warcinfo/request/metadata records are skipped, not rejected")
    exp.add(f"corpus/warc/{wetname}", "wet", pages,
            warc_records={"warcinfo": 1, "conversion": n},
            note="one document per conversion record; same pages as the .warc.gz (extracted text, near-duplicates of it)")
    for d in pages:
        where[d["id"]] = f"corpus/warc/{fname} + {wetname}"


# --------------------------------------------------------------------------------------
# Broken inputs


def oversized_text() -> str:
    topics = ["the harbour", "the bakery", "the library", "the bridge", "the market hall",
              "the school", "the allotments", "the choir", "the ferry", "the museum"]
    lines = []
    i = 0
    while sum(len(l) + 1 for l in lines) < 80_000:
        t = topics[i % len(topics)]
        lines.append(f"Paragraph {i + 1:04d}. This oversized fixture document talks about {t} "
                     f"at great length so that a reader must reject it as larger than the "
                     f"configured maximum document size of {MAX_DOCUMENT_BYTES} bytes.")
        i += 1
    return "\n\n".join(lines)


def build_broken(out: Path, by_file, pages, exp: Expect) -> dict:
    good = by_file["broken-good.txt"]
    bdir = out / "broken"
    table: list[dict] = []

    def rec(d):
        return {"id": d["id"], "text": d["body"], "lang": d["lang"]}

    # 1. bad-lines.jsonl --------------------------------------------------------------
    big = oversized_text()
    lines: list[tuple[bytes, str | None, str]] = [
        (jline(rec(good[0])), None, "good"),
        (b'{"id": "bad-utf8", "text": "Caf\xe9 au lait costs \xa34 at the \x80 station kiosk.", "lang": "en"}\n',
         "invalid_utf8", "Latin-1 bytes 0xE9 and 0xA3 and a lone continuation byte 0x80 inside the text"),
        (jline(rec(good[1])), None, "good"),
        (b'{"id": "bad-json-truncated", "text": "This line stops in the middle of a string\n',
         "malformed_json", "JSON object cut off inside a string (no closing quote or brace)"),
        (b'["bad-json-array", "A JSON array is valid JSON but not a record object."]\n',
         "malformed_json", "a JSON array instead of an object"),
        (jline(rec(good[2])), None, "good (Chinese)"),
        (jline({"id": "no-text", "body": "This record uses the key body instead of text.", "lang": "en"}),
         "missing_text", "no \"text\" key (the text is under \"body\")"),
        (jline({"id": "text-number", "text": 42, "lang": "en"}),
         "text_not_string", "\"text\" is the number 42"),
        (jline({"id": "text-empty", "text": "", "lang": "en"}), "empty_text", "\"text\" is the empty string"),
        (jline({"id": "text-whitespace", "text": "  \n\t \u3000 \n", "lang": "en"}),
         "empty_text", "\"text\" is only spaces, tabs, newlines and an ideographic space"),
        (jline(rec(good[3])), None, "good"),
        (jline({"id": "too-large", "text": big, "lang": "en"}),
         "too_large", f"\"text\" is {len(big.encode())} bytes of UTF-8 (> max_document_bytes {MAX_DOCUMENT_BYTES})"),
        (jline(rec(good[4]))[:-1] + b"\r\n", None, "good, line ends with CRLF (must be accepted, \\r stripped)"),
        (jline(rec(good[5]))[:-1], None, "good, last line has no trailing newline"),
    ]
    data = b"".join(l for l, _, _ in lines)
    write(bdir / "bad-lines.jsonl", data)
    rejects: dict[str, int] = {}
    kept = []
    gi = 0
    for n, (l, reason, what) in enumerate(lines, 1):
        if reason:
            rejects[reason] = rejects.get(reason, 0) + 1
            table.append({"file": "broken/bad-lines.jsonl", "line": n, "reason": reason, "what": what})
        else:
            kept.append(good[gi])
            gi += 1
    exp.add("broken/bad-lines.jsonl", "jsonl", kept, rejects,
            line_kinds=[{"line": n, "reason": r, "what": w} for n, (_, r, w) in enumerate(lines, 1)])

    # 2. truncated.jsonl.zst: three independent frames of four records; cut inside frame 3
    frames = [zstd(b"".join(jline(rec(d)) for d in good[i:i + 4])) for i in (0, 4, 8)]
    cut = len(frames[0]) + len(frames[1]) + len(frames[2]) // 2
    full = b"".join(frames)
    write(bdir / "truncated.jsonl.zst", full[:cut])
    exp.add("broken/truncated.jsonl.zst", "jsonl.zst", good[:8], {"truncated_input": 1},
            file_bytes=cut, truncated_at_byte=cut, frames=[len(f) for f in frames],
            note="frames 1-2 (8 records) are complete; frame 3 (4 records) is cut in half")
    table.append({"file": "broken/truncated.jsonl.zst", "offset": cut, "reason": "truncated_input",
                  "what": f"file ends at byte {cut}, in the middle of the third zstd frame "
                          f"(frames start at 0, {len(frames[0])}, {len(frames[0]) + len(frames[1])}); "
                          "the 8 records of frames 1-2 are kept, the 4 of frame 3 are lost"})

    # 3. garbage-middle.jsonl.gz: member 1 (5 records), 48 garbage bytes, member 2 (3 records)
    m1 = gz(b"".join(jline(rec(d)) for d in good[:5]))
    m2 = gz(b"".join(jline(rec(d)) for d in good[5:8]))
    garbage = b"GARBAGE!" + hashlib.sha256(b"pretext garbage").digest() + b"\xff" * 8
    assert garbage[:2] != b"\x1f\x8b"
    write(bdir / "garbage-middle.jsonl.gz", m1 + garbage + m2)
    exp.add("broken/garbage-middle.jsonl.gz", "jsonl.gz", good[:5], {"corrupt_input": 1},
            garbage_at_byte=len(m1), garbage_length=len(garbage),
            note="records of the gzip member after the garbage are not expected to be recovered")
    table.append({"file": "broken/garbage-middle.jsonl.gz", "offset": len(m1), "reason": "corrupt_input",
                  "what": f"{len(garbage)} garbage bytes after the first gzip member (5 records, kept); "
                          "a second valid member with 3 records follows and is not expected to be read"})

    # 4. text/latin1.txt: a text document in ISO-8859-1
    latin = ("Caf\u00e9 cr\u00e8me and cr\u00eape na\u00efve: this note was saved in ISO-8859-1, "
             "so its accented letters are single bytes that are not valid UTF-8.\n").encode("latin-1")
    write(bdir / "text" / "latin1.txt", latin)
    exp.add("broken/text/latin1.txt", "text", [], {"invalid_utf8": 1}, mode="file")
    table.append({"file": "broken/text/latin1.txt", "line": 1, "reason": "invalid_utf8",
                  "what": "ISO-8859-1 bytes (0xE9, 0xE8, 0xEA, 0xEF); first bad byte at offset 3"})

    # 5. bad-content-length.warc.gz: the second response has a non-numeric Content-Length
    p = {d["id"]: d for d in pages}
    fname = "bad-content-length.warc.gz"
    info_id, info = warcinfo(fname, "2024-10-03T10:00:00Z", "broken fixture: garbage Content-Length")
    members = [gz(info)]
    offsets = []
    for i, key in enumerate(["warc-0001", "warc-0002", "warc-0003"]):
        recs, _, _ = page_records(p[key], info_id, content_length_override="12x4; boom" if i == 1 else None,
                                  with_request=False, with_metadata=False, name_prefix="broken-cl:")
        offsets.append(sum(len(m) for m in members))
        members += [gz(r) for r in recs]
    write(bdir / fname, b"".join(members))
    exp.add(f"broken/{fname}", "warc", [p["warc-0001"], p["warc-0003"]], {"malformed_warc": 1},
            warc_records={"warcinfo": 1, "response": 3},
            note="one gzip member per record; the bad record is member 3 (compressed offset "
                 f"{offsets[1]}); a reader resynchronises at the next member / 'WARC/1.0' line")
    table.append({"file": f"broken/{fname}", "offset": offsets[1], "reason": "malformed_warc",
                  "what": "second response record: 'Content-Length: 12x4; boom' (compressed offset of its gzip member; "
                          "records before and after are good)"})

    # 6. short-content-length.warc (uncompressed): Content-Length 100 bytes too small
    fname = "short-content-length.warc"
    info_id, info = warcinfo(fname, "2024-10-03T10:05:00Z", "broken fixture: Content-Length too small")
    body = [info]
    bad_off = None
    for key in ["warc-0005", "warc-0006", "warc-0009"]:
        recs, _, _ = page_records(p[key], info_id, with_request=False, with_metadata=False,
                                  name_prefix="broken-short:")
        r = recs[0]
        if key == "warc-0006":
            m = re.search(rb"Content-Length: (\d+)\r\n", r)
            real = int(m.group(1))
            r = r[:m.start(1)] + str(real - 100).encode() + r[m.end(1):]
            bad_off = sum(len(x) for x in body)
        body.append(r)
    write(bdir / fname, b"".join(body))
    exp.add(f"broken/{fname}", "warc", [p["warc-0005"], p["warc-0009"]], {"warc_length_mismatch": 1},
            warc_records={"warcinfo": 1, "response": 3},
            note="after reading Content-Length bytes the reader does not find CRLF CRLF + 'WARC/'; "
                 "it rejects the record and resynchronises at the next line that is exactly 'WARC/1.0'")
    table.append({"file": f"broken/{fname}", "offset": bad_off, "reason": "warc_length_mismatch",
                  "what": "second response record declares a Content-Length 100 bytes smaller than its block"})

    # 7. empty.jsonl
    write(bdir / "empty.jsonl", b"")
    exp.add("broken/empty.jsonl", "jsonl", [], {}, note="0 bytes: no documents and no rejects")
    table.append({"file": "broken/empty.jsonl", "line": None, "reason": "(none)",
                  "what": "empty file: 0 documents, 0 rejects, must not be an error"})

    return {"table": table}


# --------------------------------------------------------------------------------------
# Duplicates report


def norm(t: str) -> str:
    return re.sub(r"\s+", " ", t).strip()


def duplicate_report(all_docs: list[tuple[str, dict]]) -> dict:
    exact: dict[str, list[str]] = {}
    for where, d in all_docs:
        h = hashlib.sha256(d["body"].encode()).hexdigest()
        exact.setdefault(h, []).append(f"{doc_id(d)} ({where})")
    exact_groups = [v for v in exact.values() if len(v) > 1]
    near = []
    for where, d in all_docs:
        if "copy" in d:
            near.append({"id": str(doc_id(d)), "file": where, "copy_of": d["copy"], "edits": d["edits"]})
    return {"exact_text_groups": exact_groups, "edited_copies": near,
            "note": "edited_copies lists documents made by copying another source document "
                    "with small edits (footer/header added, a word replaced, whitespace changed, "
                    "last paragraph dropped, or an exact copy). The WET file also repeats the text "
                    "of every WARC page, and blk-0014 repeats blk-0010 verbatim."}


# --------------------------------------------------------------------------------------


def build(out: Path) -> None:
    by_file = load_all()
    exp = Expect()
    where = build_jsonl(out, by_file, exp)
    build_text(out, by_file, exp, where)
    build_warc(out, by_file, exp, where)
    broken = build_broken(out, by_file, by_file["warc-pages.txt"], exp)

    corpus = {k: v for k, v in exp.files.items() if k.startswith("corpus/")}
    totals_lang: dict[str, int] = {}
    for v in corpus.values():
        for lang, n in v["languages"].items():
            totals_lang[lang] = totals_lang.get(lang, 0) + n
    all_docs = []
    for name in SOURCE_FILES[:-1]:
        for d in by_file[name]:
            all_docs.append((where[str(doc_id(d))], d))
    low_quality = [str(doc_id(d)) for _, d in all_docs if d.get("kind") in ("lowquality", "boilerplate")]

    expected = {
        "about": "Expected reader results for every fixture input; generated by scripts/make-fixtures.py. "
                 "documents = documents a correct reader yields; rejects = reason -> count; "
                 "records = documents + rejected. Assumes max_document_bytes 65536 and a line limit "
                 "of at least 1 MiB. Text files in corpus/text/*.txt are one document per file; "
                 "corpus/text/blocks/*.txt are read in blank-line-block mode.",
        "max_document_bytes": MAX_DOCUMENT_BYTES,
        "corpus_totals": {
            "documents": sum(v["documents"] for v in corpus.values()),
            "languages": dict(sorted(totals_lang.items())),
        },
        "files": exp.files,
        "duplicates": duplicate_report(all_docs),
        "intended_low_quality_or_boilerplate": low_quality,
        "broken_table": broken["table"],
    }
    write(out / "expected.json",
          (json.dumps(expected, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


def main() -> int:
    if sys.version_info < (3, 11):
        print("needs Python 3.11+", file=sys.stderr)
        return 2
    if shutil.which("zstd") is None:
        print("needs the zstd CLI on PATH", file=sys.stderr)
        return 2
    fixtures = ROOT / "fixtures"
    if "--check" in sys.argv[1:]:
        with tempfile.TemporaryDirectory() as tmp:
            build(Path(tmp))
            bad = []
            for p in sorted(Path(tmp).rglob("*")):
                if p.is_file():
                    rel = p.relative_to(tmp)
                    q = fixtures / rel
                    if not q.is_file() or q.read_bytes() != p.read_bytes():
                        bad.append(str(rel))
            if bad:
                print("out of date: " + ", ".join(bad), file=sys.stderr)
                return 1
            print("fixtures are up to date")
            return 0
    for sub in ("corpus", "broken"):
        shutil.rmtree(fixtures / sub, ignore_errors=True)
    build(fixtures)
    print(f"wrote {fixtures}/corpus, {fixtures}/broken and {fixtures}/expected.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
