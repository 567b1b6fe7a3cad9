#!/usr/bin/env python3
"""Golden keep/drop decisions of datatrove's quality filters, for PretextQuality's tests.

Runs datatrove 0.10's GopherQualityFilter, GopherRepetitionFilter, C4QualityFilter and
FineWebQualityFilter (English defaults) over

  (a) the English documents of fixtures/corpus/ (web-en.jsonl, forum-mixed.jsonl.zst,
      text/en-*.txt, text/blocks/en-*.txt, the English WET conversion records), and
  (b) a seeded, generated set of English documents that sit on and around every rule's
      threshold (short docs, hashes, ellipses, bullets, repeated lines/paragraphs/n-grams,
      lorem ipsum, javascript, curly braces, policy lines, few sentences, short lines,
      newline-heavy lists, non-alphabetic tables, missing stop words, tokenizer edge cases),

and writes

  fixtures/golden/quality-en.jsonl      one line per document: id, source, text, words
                                        (datatrove's split_into_words count) and, per filter,
                                        {"keep": bool, "reason": str|null}; C4 adds "text"
                                        (the text datatrove leaves in the document when kept).
  fixtures/golden/spacy-en-tokens.jsonl tokenizer cases: {"text", "words": [...],
                                        "sentences": n} from datatrove's English word
                                        tokenizer (spaCy blank "en" + sentencizer).

Usage (from the repository root):

    DATATROVE_PYTHON=../peers/datatrove/bin/python scripts/golden/make-quality-golden.sh
    # or directly:
    ../peers/datatrove/bin/python scripts/golden/make-quality-golden.py [--count 500] [--seed 20240603]

Every generated text is made here from a small invented vocabulary; nothing is copied.
Deterministic: same seed and same datatrove/spaCy versions give byte-identical files.
"""

import argparse
import gzip
import json
import os
import random
import subprocess
import sys
import time

from datatrove.data import Document
from datatrove.pipeline.filters import (
    C4QualityFilter,
    FineWebQualityFilter,
    GopherQualityFilter,
    GopherRepetitionFilter,
)
from datatrove.utils.text import split_into_parts, split_into_sentences, split_into_words

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FIX = os.path.join(ROOT, "fixtures", "corpus")

# ---------------------------------------------------------------------------------------
# (a) fixture documents


def read_jsonl(lines, source, lang_of):
    out = []
    for i, line in enumerate(lines):
        line = line.strip()
        if not line:
            continue
        rec = json.loads(line)
        if lang_of(rec) != "en":
            continue
        rid = rec.get("id", f"line{i + 1}")
        out.append((f"{source}:{rid}", source, rec["text"]))
    return out


def fixture_docs():
    docs = []
    with open(os.path.join(FIX, "jsonl", "web-en.jsonl"), encoding="utf-8") as f:
        docs += read_jsonl(f, "web-en.jsonl", lambda r: r.get("meta", {}).get("lang"))
    raw = subprocess.run(
        ["zstd", "-dc", os.path.join(FIX, "jsonl", "forum-mixed.jsonl.zst")], check=True, capture_output=True
    ).stdout.decode("utf-8")
    docs += read_jsonl(raw.splitlines(), "forum-mixed.jsonl.zst", lambda r: r.get("lang"))
    tdir = os.path.join(FIX, "text")
    for name in sorted(os.listdir(tdir)):
        if name.startswith("en-") and name.endswith(".txt"):
            with open(os.path.join(tdir, name), encoding="utf-8", newline="") as f:
                docs.append((f"text:{name}", "text", f.read()))
    bdir = os.path.join(tdir, "blocks")
    for name in sorted(os.listdir(bdir)):
        if not name.startswith("en-"):
            continue
        with open(os.path.join(bdir, name), encoding="utf-8", newline="") as f:
            body = f.read().replace("\r\n", "\n")
        blocks = [b.strip("\n") for b in body.split("\n\n") if b.strip()]
        for k, b in enumerate(blocks):
            docs.append((f"blocks:{name}#{k + 1}", "blocks", b))
    with gzip.open(os.path.join(FIX, "warc", "fixture-00000.warc.wet.gz"), "rb") as f:
        data = f.read()
    pos = 0
    while True:
        start = data.find(b"WARC/1.0\r\n", pos)
        if start < 0:
            break
        head_end = data.find(b"\r\n\r\n", start)
        headers = {}
        for hl in data[start:head_end].decode("utf-8").split("\r\n")[1:]:
            k, _, v = hl.partition(":")
            headers[k.strip().lower()] = v.strip()
        n = int(headers.get("content-length", "0"))
        body = data[head_end + 4 : head_end + 4 + n]
        pos = head_end + 4 + n
        if headers.get("warc-type") == "conversion" and headers.get("warc-identified-content-language") == "eng":
            docs.append((f"wet:{headers['warc-target-uri']}", "wet", body.decode("utf-8")))
    return docs


# ---------------------------------------------------------------------------------------
# (b) generated documents

NOUNS = (
    "river garden library engine harbour teacher market bridge window village council kitchen "
    "station museum forest tower ferry orchard bakery workshop lantern meadow school doctor "
    "farmer painter bicycle journal recipe storm valley island letter ticket clock mirror"
).split()
VERBS = (
    "opens carries repairs visits builds paints measures follows gathers protects explains "
    "reaches remembers collects watches prepares describes borrows shares crosses"
).split()
ADJS = (
    "quiet narrow early bright wooden ancient modern careful gentle heavy local public small "
    "northern patient crowded remarkable"
).split()
ADVS = "slowly often rarely together quickly quietly again nearly".split()
STOP = ["the", "of", "and", "to", "with", "that", "be", "have"]
TRICKY = [
    "don't", "can't", "I'm", "we'll", "they're", "it's", "won't", "she'd", "Let's", "gonna",
    "cannot", "o'clock", "ma'am", "y'all", "isn't", "We've", "you'd've", "shouldn't",
    "Mr.", "Dr.", "e.g.", "i.e.", "U.S.", "St.", "Jan.", "Calif.", "Ph.D.", "vs.", "etc.",
    "10km", "5kg", "3pm", "11a.m.", "$20", "US$5", "€3.50", "50%", "2+2", "1-2", "3*4",
    "well-known", "state-of-the-art", "rock--solid", "and/or", "w/o", "A/B", "x:y", "3:1",
    "https://www.example.com/path?q=1", "example.org", "mail@example.net", "www.example.com/a/b",
    "192.0.2.1", "10.0.0.1", "(parenthesis)", "\"quoted\"", "'single'", "“curly”", "‘tick’",
    "end.", "end!", "end?", "end...", "end…", "wait....", "so,,", "word;", "colon:", "hash#tag",
    "#hashtag", "##", "...", "…", "—", "–", "-", "--", "•", "[1]", "[edit]", "[citation needed]",
    "café", "naïve", "Zürich", "東京", "ΑΒΓ", "Москва", ":)", ";-)", "<3", "C++", "°C.", "30°C",
    "HELLO.", "AB.", "a.", "z.", "x.y", "lower.Upper", "one,two", "a=b", "a<b", "2^3", "~tilde",
    "¿Qué?", "¡Hola!", "it’s", "don’t", "I’m", "‘s", "’s", "'s", "James's", "JAMES'S", "1,000.5",
    "12.5%", "3rd", "4th", "1st", "2nd", "10:30", "v1.2.3", "file.txt", "snake_case", "@user",
    "&amp;", "*bold*", "_it_", "(a)", "[b]", "{c}", "<d>", "x)", "(y", "\"z\".", "’quoted’.",
]
LOREM = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor".split()


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def word(self, tricky=0.0, stop=0.25):
        r = self.r
        x = r.random()
        if x < tricky:
            return r.choice(TRICKY)
        if x < tricky + stop:
            return r.choice(STOP)
        return r.choice(NOUNS + VERBS + ADJS + ADVS)

    def sentence(self, n=None, tricky=0.0, stop=0.25, end=None):
        r = self.r
        n = n or r.randint(5, 16)
        ws = [self.word(tricky, stop) for _ in range(n)]
        ws[0] = ws[0][:1].upper() + ws[0][1:]
        if r.random() < 0.2 and n > 4:
            ws[r.randrange(1, n - 1)] += ","
        e = end if end is not None else r.choice([".", ".", ".", "!", "?", ".\"", "'"])
        return " ".join(ws) + e

    def paragraph(self, k=None, **kw):
        k = k or self.r.randint(2, 6)
        return " ".join(self.sentence(**kw) for _ in range(k))

    def prose(self, paras=None, **kw):
        paras = paras or self.r.randint(1, 5)
        return "\n\n".join(self.paragraph(**kw) for _ in range(paras))

    def words_doc(self, n, **kw):
        """About n words split into sentences and paragraphs."""
        out, count = [], 0
        while count < n:
            k = min(self.r.randint(4, 14), n - count)
            out.append(self.sentence(max(k, 1), **kw))
            count += max(k, 1)
        paras, i = [], 0
        while i < len(out):
            j = i + self.r.randint(1, 4)
            paras.append(" ".join(out[i:j]))
            i = j
        return "\n\n".join(paras)

    # --- one maker per rule -----------------------------------------------------------

    def short(self):
        return self.words_doc(self.r.randint(35, 70))

    def long_words(self):
        r = self.r
        ws = []
        for _ in range(r.randint(55, 120)):
            w = "".join(r.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(r.choice([2, 3, 9, 11, 12, 14])))
            ws.append(w)
        ws[:3] = ["the", "of", "and"]
        return " ".join(ws) + "."

    def short_words(self):
        r = self.r
        pool = "a an I to of in on it is be by we go do up at so no or as".split()
        return ". ".join(" ".join(r.choice(pool) for _ in range(8)) for _ in range(r.randint(8, 16))) + "."

    def hashes(self):
        r = self.r
        base = self.words_doc(r.randint(60, 160))
        ws = base.split(" ")
        k = int(len(ws) * r.uniform(0.05, 0.16))
        for _ in range(k):
            ws.insert(r.randrange(len(ws)), r.choice(["#" + r.choice(NOUNS), "#", "##", "#tag#"]))
        return " ".join(ws)

    def ellipsis(self):
        r = self.r
        sents = [self.sentence(end=r.choice([".", "...", "…", "....", ". . ."])) for _ in range(r.randint(6, 20))]
        if r.random() < 0.5:
            return "\n".join(sents)
        return " ".join(sents)

    def bullets(self):
        r = self.r
        n = r.randint(6, 25)
        lines = []
        for _ in range(n):
            if r.random() < r.choice([0.8, 0.9, 0.95, 1.0]):
                lines.append(r.choice(["- ", "• ", "  - ", "-", "\t• "]) + self.sentence(r.randint(3, 9)))
            else:
                lines.append(self.sentence())
        return "\n".join(lines)

    def rep_lines(self):
        r = self.r
        uniq = [self.sentence() for _ in range(r.randint(4, 12))]
        rep = [r.choice(uniq) for _ in range(r.randint(0, 8))]
        lines = uniq + rep
        r.shuffle(lines)
        sep = r.choice(["\n", "\n", "\n\n", "\n\n\n"])
        return sep.join(lines)

    def rep_paras(self):
        r = self.r
        uniq = [self.paragraph(r.randint(1, 3)) for _ in range(r.randint(3, 7))]
        paras = uniq + [r.choice(uniq) for _ in range(r.randint(0, 4))]
        r.shuffle(paras)
        return "\n\n".join(paras)

    def rep_ngrams(self):
        r = self.r
        phrase = " ".join(self.word() for _ in range(r.randint(2, 10)))
        parts = []
        for _ in range(r.randint(4, 14)):
            parts.append(self.sentence(r.randint(3, 12)))
            if r.random() < 0.6:
                parts.append(phrase)
        return " ".join(parts) + "."

    def lorem(self):
        r = self.r
        paras = [self.paragraph() for _ in range(r.randint(2, 4))]
        lor = " ".join(LOREM[: r.randint(3, len(LOREM))])
        lor = r.choice([lor.capitalize(), lor.upper(), "Lorem Ipsum"]) + r.choice([".", "", " text", "!"])
        paras.insert(r.randrange(len(paras) + 1), lor)
        return "\n".join(paras)

    def javascript(self):
        r = self.r
        lines = [self.sentence() for _ in range(r.randint(4, 9))]
        for _ in range(r.randint(1, 4)):
            lines.insert(
                r.randrange(len(lines) + 1),
                r.choice(
                    [
                        "Please enable JavaScript to view the comments.",
                        "This site requires javascript to work properly!",
                        "JavaScript is disabled in your browser",
                        "You need Javascript.",
                    ]
                ),
            )
        return "\n".join(lines)

    def curly(self):
        r = self.r
        lines = [self.sentence() for _ in range(r.randint(5, 9))]
        lines.insert(
            r.randrange(len(lines) + 1),
            r.choice(["function f() { return 1; }", "The set {a, b, c} has three elements.", "{", "x = {1};", "Use {braces} sparingly here."]),
        )
        return "\n".join(lines)

    def policy(self):
        r = self.r
        lines = [self.sentence() for _ in range(r.randint(4, 8))]
        for _ in range(r.randint(1, 3)):
            lines.insert(
                r.randrange(len(lines) + 1),
                r.choice(
                    [
                        "By using this site you agree to our Terms of Use.",
                        "Read our privacy policy before you sign up today.",
                        "This website uses cookies to improve the experience.",
                        "See the Cookie Policy for details on tracking.",
                        "Privacy policy | Terms of use",
                    ]
                ),
            )
        return "\n".join(lines)

    def few_sentences(self):
        r = self.r
        n = r.randint(2, 7)
        sents = [self.sentence(r.randint(3, 12), tricky=0.1) for _ in range(n)]
        return r.choice(["\n", " ", "\n\n"]).join(sents)

    def short_lines(self):
        r = self.r
        lines = []
        for _ in range(r.randint(8, 30)):
            if r.random() < r.choice([0.5, 0.65, 0.7, 0.85]):
                lines.append(" ".join(self.word() for _ in range(r.randint(1, 4))) + r.choice(["", ".", ":"]))
            else:
                lines.append(self.sentence(r.randint(8, 16)))
        return "\n".join(lines)

    def newline_heavy(self):
        r = self.r
        lines = [" ".join(self.word() for _ in range(r.randint(1, 6))) + r.choice([".", "", "!"]) for _ in range(r.randint(10, 40))]
        return r.choice(["\n", "\n\n", "\n \n"]).join(lines)

    def no_punct_lines(self):
        r = self.r
        return "\n".join(self.sentence(end=r.choice(["", "", ".", ",", ":"])) for _ in range(r.randint(6, 20)))

    def numbers(self):
        r = self.r
        rows = []
        for _ in range(r.randint(6, 20)):
            cells = [str(r.randint(0, 9999)) for _ in range(r.randint(3, 7))]
            if r.random() < 0.5:
                cells.append(r.choice(NOUNS))
            rows.append(r.choice([" | ", " ", "\t", ", "]).join(cells))
        text = "\n".join(rows)
        if r.random() < 0.5:
            text = self.paragraph(2) + "\n" + text
        return text

    def no_stop(self):
        r = self.r
        return self.prose(r.randint(1, 3), stop=r.choice([0.0, 0.0, 0.01, 0.02]))

    def tricky(self):
        r = self.r
        return self.prose(r.randint(1, 4), tricky=r.uniform(0.05, 0.5))

    def whitespace(self):
        r = self.r
        t = self.prose(r.randint(2, 4), tricky=0.05)
        for _ in range(r.randint(1, 8)):
            i = r.randrange(len(t))
            t = t[:i] + r.choice(["\r\n", "\t", "  ", "\u00a0", "\u3000", "\x0b", "\x0c", "\u2028", "\r", "\n\n\n", " \n"]) + t[i:]
        if r.random() < 0.3:
            t = "\n\n" + t + "\n \n"
        return t

    def citations(self):
        r = self.r
        sents = [self.sentence() + r.choice(["[1]", "[23]", "[edit]", "[citation needed]", "", ""]) for _ in range(r.randint(4, 9))]
        return "\n".join(sents)

    def long_word_line(self):
        r = self.r
        lines = [self.sentence() for _ in range(r.randint(5, 8))]
        lines.insert(r.randrange(len(lines)), "See " + "x" * r.choice([999, 1000, 1001, 1500]) + " for more.")
        return "\n".join(lines)

    def good(self):
        return self.prose(tricky=self.r.uniform(0, 0.08))


MAKERS = [
    "good", "good", "good", "short", "long_words", "short_words", "hashes", "ellipsis", "bullets",
    "rep_lines", "rep_paras", "rep_ngrams", "lorem", "javascript", "curly", "policy",
    "few_sentences", "short_lines", "newline_heavy", "no_punct_lines", "numbers", "no_stop",
    "tricky", "whitespace", "citations", "long_word_line",
]


def generated_docs(count, seed):
    g = Gen(seed)
    docs = []
    for i in range(count):
        kind = MAKERS[i % len(MAKERS)]
        docs.append((f"gen-{i:04d}-{kind}", "generated", getattr(g, kind)()))
    return docs


# ---------------------------------------------------------------------------------------


def decision(result):
    if result is True:
        return {"keep": True, "reason": None}
    if isinstance(result, tuple):
        return {"keep": False, "reason": result[1]}
    return {"keep": bool(result), "reason": None}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=520)
    ap.add_argument("--seed", type=int, default=20240603)
    ap.add_argument("--out", default=os.path.join(ROOT, "fixtures", "golden"))
    ap.add_argument("--time", action="store_true", help="print datatrove's per-filter timings")
    args = ap.parse_args()

    docs = fixture_docs() + generated_docs(args.count, args.seed)
    filters = {
        "gopher_quality": GopherQualityFilter(),
        "gopher_repetition": GopherRepetitionFilter(),
        "c4": C4QualityFilter(),
        "fineweb": FineWebQualityFilter(),
    }
    os.makedirs(args.out, exist_ok=True)
    timings = {k: 0.0 for k in filters}
    with open(os.path.join(args.out, "quality-en.jsonl"), "w", encoding="utf-8", newline="\n") as out:
        for did, source, text in docs:
            row = {"id": did, "source": source, "text": text, "words": len(split_into_words(text))}
            for name, flt in filters.items():
                doc = Document(text=text, id=did)
                split_into_parts.cache_clear()  # time each filter's own tokenization
                t0 = time.perf_counter()
                res = flt.filter(doc)
                timings[name] += time.perf_counter() - t0
                row[name] = decision(res)
                if name == "c4" and row[name]["keep"]:
                    row[name]["text"] = doc.text
            out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")

    cases = list(dict.fromkeys(TRICKY + [t for _, _, t in docs[:40]]))
    g = Gen(args.seed + 1)
    cases += [g.tricky() for _ in range(40)]
    with open(os.path.join(args.out, "spacy-en-tokens.jsonl"), "w", encoding="utf-8", newline="\n") as out:
        for t in cases:
            out.write(
                json.dumps(
                    {"text": t, "words": split_into_words(t), "sentences": len(split_into_sentences(t))},
                    ensure_ascii=False,
                )
                + "\n"
            )
    total = sum(len(t.encode("utf-8")) for _, _, t in docs)
    print(f"{len(docs)} documents, {total} bytes", file=sys.stderr)
    if args.time:
        for k, v in timings.items():
            print(f"{k}: {v:.3f} s  {total / v / 1e6:.3f} MB/s  {len(docs) / v:.1f} docs/s", file=sys.stderr)


if __name__ == "__main__":
    main()
