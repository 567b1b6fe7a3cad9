#!/usr/bin/env python3
"""Generate a deterministic synthetic JSONL corpus for Pretext benchmarks.

Standard library only. The same --seed and --mb always give the same bytes.

Shape of each line (one JSON object):
  {"id": "doc-00000042", "text": "...", "url": "...", "date": "...", "score": 0.73[, "lang": "..."]}

- text is 200-20,000 characters (log-uniform length, so most documents are short);
- Latin-script documents use a generated vocabulary (words built from syllables, not copied
  from any word list) drawn with a Zipf distribution, with punctuation, capitalised sentence
  starts, paragraphs (newlines), quoted phrases, a few accented and non-BMP characters;
- about 20 % of documents are Chinese-like text drawn Zipf-wise from a generated set of
  CJK ideographs, with CJK punctuation;
- about 3 % of lines are written with ASCII-only JSON, so non-ASCII text appears as \\u escapes
  (surrogate pairs included), as in many real dumps;
- 2-4 metadata fields: url, date, score, and sometimes lang.

Speed: the text is cut from two large pre-generated token pools (Latin and CJK, tens of MB
each, generated once from the seed), at word boundaries, so 1 GB takes well under a minute.
The pools are far larger than the zstd -3 match window, so cross-document repetition does not
make the corpus unrealistically compressible for the default levels (it would for --long).

Usage:
  scripts/bench/gen-corpus.py --mb 1000 --out /tmp/pretext-bench/corpus-1g.jsonl [--seed 1]
  scripts/bench/gen-corpus.py --mb 1000 --parts 8 --out /tmp/pretext-bench/corpus-1g/
      (a directory of part-00000.jsonl ... part-00007.jsonl: the same document stream cut into
      files of about equal size; Pretext and datatrove parallelize over files)
"""

import argparse
import bisect
import itertools
import json
import math
import os
import random
import sys

LATIN_POOL_WORDS = 8_000_000  # about 55 MB of Latin text
CJK_POOL_CHARS = 6_000_000  # about 18 MB of UTF-8
VOCAB_SIZE = 60_000
CJK_CHARSET_SIZE = 4_000


def zipf_cum_weights(n, s=1.07):
    """Cumulative Zipf weights for ranks 1..n (exponent s)."""
    total = 0.0
    cum = []
    for rank in range(1, n + 1):
        total += 1.0 / (rank ** s)
        cum.append(total)
    return cum


def make_vocabulary(rng, size):
    """Generated words: 1-4 syllables, shorter words at the frequent ranks."""
    onsets = ["", "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t",
              "v", "w", "z", "br", "ch", "cl", "dr", "fr", "gr", "pl", "pr", "sh", "st", "th",
              "tr", "str", "sp", "qu"]
    vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ee", "ie", "ou", "oa", "y"]
    codas = ["", "", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ng", "ck", "rt", "ss"]
    words = []
    seen = set()
    while len(words) < size:
        rank = len(words)
        max_syllables = 1 if rank < 60 else 2 if rank < 1500 else 3 if rank < 20000 else 4
        n = rng.randint(1, max_syllables)
        word = "".join(rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas)
                       for _ in range(n))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def make_latin_pool(rng, words, count):
    """A long run of text: sentences of 4-30 Zipf-drawn words, paragraphs, punctuation."""
    cum = zipf_cum_weights(len(words))
    total = cum[-1]
    rand = rng.random
    picks = [words[bisect.bisect(cum, rand() * total)] for _ in range(count)]
    extras = ["café", "naïve", "—", "–", "Zürich", "€5", "½", "😀", "𝔘", "“quoted”", "1998",
              "2024", "3.14", "100%", "e-mail", "O'Neil", "C:\\path", "tab\there"]
    parts = []
    i = 0
    sentence_end = [". ", ". ", ". ", "? ", "! ", ".\n", ".\n\n"]
    while i < count:
        n = rng.randint(4, 30)
        sentence = picks[i:i + n]
        i += n
        if not sentence:
            break
        sentence[0] = sentence[0].capitalize()
        r = rand()
        if r < 0.15 and len(sentence) > 6:
            k = rng.randint(1, len(sentence) - 4)
            sentence[k] += ","
        if r < 0.05 and len(sentence) > 6:
            k = rng.randint(1, len(sentence) - 3)
            sentence[k] = '"' + sentence[k]
            sentence[k + 1] += '"'
        if rand() < 0.06:
            sentence.insert(rng.randint(0, len(sentence)), rng.choice(extras))
        if rand() < 0.03:
            sentence[-1] += " (" + rng.choice(words[:2000]) + ")"
        parts.append(" ".join(sentence))
        parts.append(rng.choice(sentence_end))
    return "".join(parts)


def make_cjk_pool(rng, count):
    chars = rng.sample(range(0x4E00, 0x9FFF), CJK_CHARSET_SIZE)
    charset = [chr(c) for c in chars]
    cum = zipf_cum_weights(len(charset), s=1.0)
    total = cum[-1]
    rand = rng.random
    out = []
    produced = 0
    while produced < count:
        n = rng.randint(8, 40)
        out.extend(charset[bisect.bisect(cum, rand() * total)] for _ in range(n))
        r = rand()
        out.append("。" if r < 0.6 else "，" if r < 0.85 else "！" if r < 0.9 else "？" if r < 0.95
                   else "。\n")
        produced += n + 1
    return "".join(out)


def cut(rng, pool, length, word_boundaries):
    """A slice of about `length` characters, starting after a space when word_boundaries."""
    start = rng.randrange(0, len(pool) - length - 64)
    if word_boundaries:
        space = pool.find(" ", start, start + 64)
        if space >= 0:
            start = space + 1
    text = pool[start:start + length].strip()
    return text if text else pool[start:start + length]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, required=True, help="size to write, in MB (10^6 bytes)")
    parser.add_argument("--out", required=True, help="output .jsonl path (keep it out of the repo)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cjk-fraction", type=float, default=0.20)
    parser.add_argument("--parts", type=int, default=1,
                        help="write this many files into the --out directory instead of one file")
    args = parser.parse_args()

    target = int(args.mb * 1_000_000)
    rng = random.Random(args.seed)
    words = make_vocabulary(rng, VOCAB_SIZE)
    pool_words = min(LATIN_POOL_WORDS, max(200_000, target // 5))
    latin = make_latin_pool(rng, words, pool_words)
    cjk = make_cjk_pool(rng, min(CJK_POOL_CHARS, max(100_000, target // 10)))
    hosts = ["%s.%s" % (rng.choice(words[:5000]), rng.choice(["com", "org", "net", "cn", "de", "io"]))
             for _ in range(5000)]
    log_min, log_max = 5.298317366548036, 9.903487552536127  # ln(200), ln(20000)

    if args.parts > 1:
        os.makedirs(args.out, exist_ok=True)
        paths = [os.path.join(args.out, "part-%05d.jsonl" % k) for k in range(args.parts)]
    else:
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        paths = [args.out]
    part_bytes = target // len(paths)
    written = 0
    docs = 0
    buffer = []
    buffered = 0
    part = 0
    f = open(paths[0], "wb")
    try:
        for index in itertools.count():
            if written >= target:
                break
            is_cjk = rng.random() < args.cjk_fraction
            length = int(math.exp(rng.uniform(log_min, log_max)))
            text = cut(rng, cjk, length, False) if is_cjk else cut(rng, latin, length, True)
            record = {"id": "doc-%08d" % index, "text": text}
            host = rng.choice(hosts)
            record["url"] = "https://%s/%s/%d" % (host, rng.choice(words[:3000]), rng.randrange(10**6))
            record["date"] = "20%02d-%02d-%02dT%02d:%02d:%02dZ" % (
                rng.randrange(10, 25), rng.randrange(1, 13), rng.randrange(1, 29),
                rng.randrange(24), rng.randrange(60), rng.randrange(60))
            record["score"] = round(rng.random(), 4)
            if rng.random() < 0.5:
                record["lang"] = "zh" if is_cjk else "en"
            ascii_only = rng.random() < 0.03
            line = json.dumps(record, ensure_ascii=ascii_only, separators=(",", ":")) + "\n"
            data = line.encode("utf-8")
            buffer.append(data)
            buffered += len(data)
            written += len(data)
            docs += 1
            if buffered >= 8 << 20 or written >= (part + 1) * part_bytes:
                f.write(b"".join(buffer))
                buffer.clear()
                buffered = 0
            if written >= (part + 1) * part_bytes and part + 1 < len(paths):
                f.close()
                part += 1
                f = open(paths[part], "wb")
        f.write(b"".join(buffer))
    finally:
        f.close()
    print("wrote %d documents, %d bytes to %s (%d file(s))" % (docs, written, args.out, len(paths)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
