#!/usr/bin/env python3
"""Golden BPE and WordPiece vocabularies and encodings from Hugging Face `tokenizers`,
for the tests of Pretext's own tokenizer trainers and encoders.

Trains, on the texts of the bundled fixture corpus (fixtures/corpus/), seven tokenizers with
the HF `tokenizers` Python package and encodes a fixed list of probe texts with each:

  bpe-tokenizer.json            byte-level BPE (GPT-2 style): models.BPE(), ByteLevel
                                pre-tokenizer (add_prefix_space=False) and decoder, no
                                normalizer, no post-processor; BpeTrainer(vocab_size=1000,
                                min_frequency=2, special_tokens=["<|endoftext|>"],
                                initial_alphabet=ByteLevel.alphabet())
  bpe-tokenizer-vs300.json      the same with vocab_size=300
  bpe-tokenizer-minfreq1.json   the same with vocab_size=1000, min_frequency=0
  wordpiece-tokenizer.json      BERT-style WordPiece: models.WordPiece(unk_token="[UNK]"),
                                BertNormalizer(clean_text, handle_chinese_chars,
                                strip_accents=None, lowercase), BertPreTokenizer,
                                WordPiece decoder ("##"); WordPieceTrainer(vocab_size=1000,
                                min_frequency=2, special_tokens=[PAD, UNK, CLS, SEP, MASK],
                                continuing_subword_prefix="##")
  wordpiece-tokenizer-vs300.json  the same with vocab_size=300
  bpe-cl100k-tokenizer.json     byte-level BPE with tiktoken's cl100k_base pattern, as
                                Llama 3's tokenizer.json has it: pre-tokenizer
                                Sequence([Split(Regex(CL100K_PATTERN), "isolated"),
                                ByteLevel(add_prefix_space=False, use_regex=False)]),
                                ByteLevel decoder, the BpeTrainer of bpe-tokenizer.json
  bpe-cl100k-tokenizer-vs300.json  the same with vocab_size=300

and writes into fixtures/golden/tokenizers/

  corpus.jsonl      the training texts, in training order, one {"text": ...} per line
  <the five tokenizer files above>   tokenizer.save(path, pretty=True)
  encodings.jsonl   one line per (tokenizer, probe): {"tokenizer": file name, "text",
                    "ids", "tokens", "offsets": [[start, end], ...]} from
                    tokenizer.encode(text, add_special_tokens=False); offsets are HF's,
                    i.e. Python character (code point) indices into "text"; the cl100k
                    tokenizers encode CL100K_PROBES after PROBES
  cl100k-pieces.jsonl  (after check_contraction_folding() has passed) one line per text: {"text", "pieces"}, the pieces HF's
                    Split(Regex(CL100K_PATTERN), "isolated").pre_tokenize_str(text) gives, for
                    PROBES (those of at most 1000 characters), CL100K_PROBES and RANDOM_TEXTS
                    seeded random strings (random_texts()); when the `regex` module is
                    installed the script checks that regex.findall gives the same pieces
  README.md         what the files are and how they were made

Training texts, in this order (files sorted by their path relative to fixtures/corpus/):

  jsonl/*.jsonl, *.jsonl.gz (gzip), *.jsonl.zst (`zstd -dc`): one text per line that is
      valid UTF-8 and parses as a JSON object with a string "text" field (other lines are
      skipped silently); the text is taken as is.
  text/*.txt: the whole file, decoded as UTF-8 as is (no newline translation).
  text/blocks/*.txt: blocks separated by blank lines. The file is split on "\\n"; a line is
      blank when line.strip() == ""; a block is its lines joined with "\\n" and then
      .strip()ped (so a CRLF file's interior "\\r" stay, its edges go).
  Files that are not valid UTF-8 are skipped; texts that are empty after .strip() are
  skipped.

Usage (from the repository root):

    ../peers/tokenizers/bin/python scripts/golden/make-tokenizer-golden.py

When started with a Python that lacks `tokenizers` it re-runs itself with
$TOKENIZERS_PYTHON (default ../peers/tokenizers/bin/python). The probe texts are
invented here; the training texts are the project's own fixture corpus.

Deterministic: the same inputs and the same `tokenizers` version give byte-identical
files. RAYON_NUM_THREADS=1 is set before `tokenizers` is imported so training runs on one
thread (belt and braces: the BPE results do not depend on the thread count). HF's
WordPiece trainer is not deterministic by itself: it numbers the "##c" alphabet tokens in
a randomly seeded hash-map order, different in every process. The script renumbers
those tokens by code point (see canonical_wordpiece_ids; every other id is HF's) and
refuses to run if the WordPiece trainer made any merges, because then HF's merges
themselves depend on that random order.
"""

import gzip
import json
import os
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "fixtures" / "corpus"
OUT = ROOT / "fixtures" / "golden" / "tokenizers"

os.environ["RAYON_NUM_THREADS"] = "1"
os.environ["TOKENIZERS_PARALLELISM"] = "false"

try:
    import tokenizers
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, trainers
except ImportError:
    python = os.environ.get("TOKENIZERS_PYTHON", "../peers/tokenizers/bin/python")
    if os.environ.get("TOKENIZER_GOLDEN_REEXEC"):
        sys.exit(f"tokenizers is not importable by {sys.executable}; set TOKENIZERS_PYTHON")
    os.environ["TOKENIZER_GOLDEN_REEXEC"] = "1"
    os.chdir(ROOT)
    os.execv(python, [python, *sys.argv])

# ---------------------------------------------------------------------------------------
# Training texts


def jsonl_texts(data):
    texts = []
    for raw in data.split(b"\n"):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        if isinstance(rec, dict) and isinstance(rec.get("text"), str):
            texts.append(rec["text"])
    return texts


def block_texts(body):
    blocks, current = [], []
    for line in body.split("\n"):
        if line.strip() == "":
            if current:
                blocks.append("\n".join(current).strip())
                current = []
        else:
            current.append(line)
    if current:
        blocks.append("\n".join(current).strip())
    return blocks


def read_bytes(path):
    name = path.name
    if name.endswith(".gz"):
        with gzip.open(path, "rb") as f:
            return f.read()
    if name.endswith(".zst"):
        return subprocess.run(["zstd", "-dc", str(path)], check=True, capture_output=True).stdout
    return path.read_bytes()


def corpus_texts():
    files = []
    jdir = CORPUS / "jsonl"
    for p in jdir.iterdir():
        if p.is_file() and p.name.endswith((".jsonl", ".jsonl.gz", ".jsonl.zst")):
            files.append(("jsonl", p))
    tdir = CORPUS / "text"
    for p in tdir.iterdir():
        if p.is_file() and p.name.endswith(".txt"):
            files.append(("text", p))
    for p in (tdir / "blocks").iterdir():
        if p.is_file() and p.name.endswith(".txt"):
            files.append(("blocks", p))
    files.sort(key=lambda kp: kp[1].relative_to(CORPUS).as_posix())

    texts = []
    for kind, path in files:
        data = read_bytes(path)
        if kind == "jsonl":
            found = jsonl_texts(data)
        else:
            try:
                body = data.decode("utf-8")
            except UnicodeDecodeError:
                continue
            found = [body] if kind == "text" else block_texts(body)
        texts += [t for t in found if t.strip()]
    return texts


# ---------------------------------------------------------------------------------------
# Tokenizers


def bpe_tokenizer(texts, vocab_size, min_frequency):
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        min_frequency=min_frequency,
        special_tokens=["<|endoftext|>"],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(texts, trainer=trainer)
    return tok


# tiktoken's cl100k_base pattern, as Llama 3's tokenizer.json writes it.
CL100K_PATTERN = (
    r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}"
    r"| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"
)


def cl100k_splitter():
    return pre_tokenizers.Split(Regex(CL100K_PATTERN), "isolated")


def bpe_cl100k_tokenizer(texts, vocab_size, min_frequency):
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.Sequence(
        [cl100k_splitter(), pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False)]
    )
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        min_frequency=min_frequency,
        special_tokens=["<|endoftext|>"],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(texts, trainer=trainer)
    return tok


def wordpiece_tokenizer(texts, vocab_size):
    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(
        clean_text=True, handle_chinese_chars=True, strip_accents=None, lowercase=True
    )
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece(prefix="##")
    trainer = trainers.WordPieceTrainer(
        vocab_size=vocab_size,
        min_frequency=2,
        special_tokens=["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"],
        continuing_subword_prefix="##",
        show_progress=False,
    )
    tok.train_from_iterator(texts, trainer=trainer)
    return canonical_wordpiece_ids(tok)


def canonical_wordpiece_ids(tok):
    """Renumbers the "##c" alphabet tokens of a freshly trained WordPiece by code point.

    HF's trainer (a BpeTrainer underneath) gives the special tokens their ids first, then
    the alphabet sorted by code point, and then, while it splits each distinct word into
    characters, the "##c" form of every character it meets in a non-initial position, in
    the iteration order of an ahash map keyed by word. That order is seeded at random per
    process, so those ids change from run to run. Here they are put in code point order,
    on the ids HF gave them (min(ids)..max(ids)); every other id is HF's.

    Only sound when the trainer made no merges (vocab_size at most the alphabet size, as
    for this corpus): with merges, ties between equal pair counts are broken by pair ids,
    so with random "##c" ids HF's merges themselves differ between runs. Fails if any
    token is longer than one character (plus "##").
    """
    data = json.loads(tok.to_str())
    vocab = data["model"]["vocab"]
    special = {t["content"] for t in data["added_tokens"]}
    merged = [t for t in vocab if t not in special and len(t.removeprefix("##")) != 1]
    if merged:
        sys.exit(f"WordPiece training made merges ({merged[:5]}...): HF's ids are not reproducible")
    cont = [t for t in vocab if t.startswith("##") and t not in special]
    ids = sorted(vocab[t] for t in cont)
    if ids != list(range(ids[0], ids[0] + len(ids))) or ids[-1] != len(vocab) - 1:
        sys.exit("WordPiece vocabulary: the ## alphabet is not the last block of ids")
    for t, i in zip(sorted(cont, key=lambda t: ord(t[2])), ids):
        vocab[t] = i
    data["model"]["vocab"] = dict(sorted(vocab.items(), key=lambda kv: kv[1]))
    return Tokenizer.from_str(json.dumps(data, ensure_ascii=False))


TOKENIZERS = [
    ("bpe-tokenizer.json", lambda texts: bpe_tokenizer(texts, 1000, 2)),
    ("bpe-tokenizer-vs300.json", lambda texts: bpe_tokenizer(texts, 300, 2)),
    ("bpe-tokenizer-minfreq1.json", lambda texts: bpe_tokenizer(texts, 1000, 0)),
    ("wordpiece-tokenizer.json", lambda texts: wordpiece_tokenizer(texts, 1000)),
    ("wordpiece-tokenizer-vs300.json", lambda texts: wordpiece_tokenizer(texts, 300)),
    ("bpe-cl100k-tokenizer.json", lambda texts: bpe_cl100k_tokenizer(texts, 1000, 2)),
    ("bpe-cl100k-tokenizer-vs300.json", lambda texts: bpe_cl100k_tokenizer(texts, 300, 2)),
]
CL100K_TOKENIZERS = {"bpe-cl100k-tokenizer.json", "bpe-cl100k-tokenizer-vs300.json"}

# ---------------------------------------------------------------------------------------
# Probe texts (invented for this file)


def mixed_word(n):
    """A deterministic n-character word of mixed-case ASCII and accented Latin letters."""
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéüçøßÅ"
    state, out = 12345, []
    for _ in range(n):
        state = (state * 1103515245 + 12345) % 2**31
        out.append(letters[(state >> 16) % len(letters)])
    return "".join(out)


PROBES = [
    # English
    "It's what they've said, isn't it? We'll see.",
    "I'd've thought she'd know: don't, won't, can't, shan't, y'all'd.",
    "The grey heron waited by the reeds until the tide turned at dusk.",
    "Version 3.14.159 costs $42,000!!",
    "Call 0800-123-456 before 9:30am on 2024-06-03 (ref #A17/b), or 1,000,000 times.",
    "Hello, world... Wait?! Really!!! (yes) [no] {maybe} <tag> \"quoted\" 'single'",
    "see https://example.org/path?a=1&b=two or write to hello.there@example.com",
    "def area(r):\n    return 3.14159 * r ** 2  # circle",
    # Whitespace
    "a  b\t\tc\n\n  d   ",
    "   leading and trailing spaces   ",
    "line one\r\nline two\r\n",
    "",
    "      ",
    "no\u00a0break\u00a0space, narrow\u202fno-break, figure\u2007space, ideographic\u3000space",
    # CJK, other scripts
    "今天的天气很好，我们去公园散步。",
    "東京は雨です。カタカナとひらがな。",
    "오늘은 비가 와서 집에서 책을 읽었어요.",
    "المكتبة مفتوحة من الصباح حتى المساء كل يوم.",
    "पुस्तकालय सुबह से शाम तक खुला रहता है।",
    "Чай заваривают горячей водой, а не кипятком.",
    "Straße ΟΔΥΣΣΕΥΣ Ödön ﬁnance",
    "Pretext 处理 日本語 text 😀",
    # Emoji
    "family 👨\u200d👩\u200d👧\u200d👦 thumbs 👍🏽👍🏿 flag 🇯🇵 heart ❤️\u200d🔥 ok👌",
    # Unicode edge cases
    "cafe\u0301 naïve",
    "\x00\x01 tab\x7f",
    "bad \ufffd byte \ufffd\ufffd",
    "\u200d",
    "ＡＢＣ１２３ ｶﾀｶﾅ ！？",
    "HELLO Wörld ÀÉÎ",
    # Long words
    "a" * 10000,
    mixed_word(10000),
    # A long mixed paragraph
    "The ferry left at seven, as it always did, although nobody on the quay seemed to "
    "expect it. A boy with a kite asked the ticket clerk whether the island had a bakery; "
    "she said it had two, and that the older one sold bread only until noon. Weather: "
    "12°C, wind 4 m/s from the north-west. 船上的老人说：“明天会下雨。” The captain "
    "didn't argue with him. Later, on the crossing, somebody played an accordion — badly, "
    "but with great feeling — and the gulls followed the wake all the way to the pier.",
]

# More probes for the cl100k pattern: contractions in any case, whitespace runs with CR and
# LF, numbers of more than three digits, punctuation before newlines.
CL100K_PROBES = [
    "IT'S THEY'RE we'Ve I'M you'LL he'D o'Clock x'ſa 'ſ rock'n'roll 'tis",
    "line one\r\n\r\n  indented\n\t\n  next\n\n\n",
    "a \n b\t\n\tc  \r  d \u00a0\ne",
    "1234567 12 1 ٣٣٣٣٣ ½½½½ 2024年 3.14159 1,000,000",
    "hello!!!\n\nworld?\r\n ?!\n\n\r z $42,000.50!!\n",
    "\u00a0\u00a0word\u3000\u3000全角 tab\tword\u2028next\u0085end",
    "'quoted' \"double\" (paren) [x]\n- item\n* star\n",
]

# Random strings for the splitter: letters (the contraction letters often), digits of
# several scripts, every kind of whitespace, apostrophes, punctuation, CJK, combining marks,
# emoji, control characters.
RANDOM_TEXTS = 400
RANDOM_POOL = (
    list("abcXYZ") + list("sStTdDmMrReEvVlL") * 2
    + ["ſ", "ß", "İ", "\u212a", "ǅ", "é", "e\u0301", "ﬁ", "Ωμ", "Жж"]
    + list("0123456789") + ["٣", "४", "১", "½", "²", "Ⅻ"]
    + [" "] * 8
    + ["\t", "\r", "\n", "\r\n", "\x0b", "\x0c", "\x85", "\xa0", "\u3000", "\u2028", "\u2029", "\u1680"]
    + ["\u2007", "\u202f", "\x1c", "\x1f", "\u180e", "\u200b", "\ufeff"]
    + ["'"] * 8 + list("!?.,;:-\"()[]#$%&*/\\_") + ["’", "—", "…", "「」", "，"]
    + ["你好", "世界", "日本語", "カタカナ", "ひらがな", "한국어"]
    + ["\u0301", "\u0308", "\u20dd", "\u0300", "\u064b"]
    + ["😀", "👍🏽", "👨\u200d👩\u200d👧", "❤\ufe0f", "🇯🇵"]
    + ["\x00", "\x01", "\x7f", "\ufffd", "\u200d"]
)


def random_texts():
    """RANDOM_TEXTS strings of 1 to 30 items of RANDOM_POOL, from a fixed seed."""
    rng = random.Random(100)
    return ["".join(rng.choice(RANDOM_POOL) for _ in range(rng.randint(1, 30))) for _ in range(RANDOM_TEXTS)]


# The letters cl100k's case-insensitive contractions match in HF, by position: 's 't 'm 'd
# ('ſ' U+017F folds to s), 're 've, 'll. check_contraction_folding() checks this over every
# letter HF knows.
CONTRACTION_LETTERS = {
    "'{}x": set("sStTmMdDſ"),
    "'{}ex": set("rRvV") | set("sStTmMdDſ"),
    "'r{}x": set("eE"),
    "'v{}x": set("eE"),
    "'{}lx": set("lL") | set("sStTmMdDſ"),
    "'l{}x": set("lL"),
}


def check_contraction_folding():
    """Exits unless HF's contractions match exactly CONTRACTION_LETTERS.

    For each template and every character c that HF's split puts inside a letter run, the
    text is template.format(c); the contraction matched when that text is not one piece (a
    letter run after an apostrophe would take it whole). Texts are split many at a time,
    joined by newlines (which start pieces of their own).
    """
    splitter = cl100k_splitter()
    points = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000 and c != 0x27]

    def whole(texts):
        found = {piece.lstrip("\n") for piece, _ in splitter.pre_tokenize_str("\n".join(texts))}
        return [text in found for text in texts]

    letters = []
    for i in range(0, len(points), 20000):
        part = points[i : i + 20000]
        letters += [c for c, one in zip(part, whole(["a" + c + "b" for c in part])) if one]
    for template, expected in CONTRACTION_LETTERS.items():
        matched = set()
        for i in range(0, len(letters), 20000):
            part = letters[i : i + 20000]
            matched |= {c for c, one in zip(part, whole([template.format(c) for c in part])) if not one}
        if matched != expected:
            sys.exit(f"cl100k contractions {template}: HF matches {sorted(matched)}, expected {sorted(expected)}")


def cl100k_pieces():
    """Rows {"text", "pieces"} of HF's cl100k split, checked against `regex` if installed."""
    splitter = cl100k_splitter()
    try:
        import regex

        reference = regex.compile(CL100K_PATTERN)
    except ImportError:
        reference = None
    rows = []
    for text in [t for t in PROBES if len(t) <= 1000] + CL100K_PROBES + random_texts():
        pieces = [piece for piece, _ in splitter.pre_tokenize_str(text)]
        if "".join(pieces) != text:
            sys.exit(f"HF's cl100k pieces do not cover {text!r}")
        if reference is not None and reference.findall(text) != pieces:
            sys.exit(f"regex and HF split {text!r} differently")
        rows.append({"text": text, "pieces": pieces})
    return rows, reference is not None

# ---------------------------------------------------------------------------------------


def dump(obj):
    return json.dumps(obj, ensure_ascii=False, sort_keys=True)


UNIGRAM_BEGIN = "<!-- UNIGRAM_README_BEGIN"

REGEX_CHECKED = "The Python `regex` module gives the same pieces for every text (checked by the script)."
REGEX_UNCHECKED = "The `regex` module was not installed in the last run, so the script did not compare its pieces."

README = """\
# Tokenizer golden files

Produced by the Hugging Face `tokenizers` Python package (version {version}) with
`scripts/golden/make-tokenizer-golden.py`, for the tests that check Pretext's own BPE and
WordPiece trainers and encoders against it. Regenerate from the repository root with

    ../peers/tokenizers/bin/python scripts/golden/make-tokenizer-golden.py

(`../peers/tokenizers` is a virtualenv with `pip install tokenizers`). The script sets
`RAYON_NUM_THREADS=1` before importing `tokenizers`; two runs give byte-identical files.

| file | what |
|---|---|
| `corpus.jsonl` | the {n_texts} training texts, in training order, one `{{"text": ...}}` per line |
| `bpe-tokenizer.json` | byte-level BPE: `models.BPE()`, `ByteLevel(add_prefix_space=False)` pre-tokenizer and decoder, no normalizer or post-processor; `BpeTrainer(vocab_size=1000, min_frequency=2, special_tokens=["<\\|endoftext\\|>"], initial_alphabet=ByteLevel.alphabet())` |
| `bpe-tokenizer-vs300.json` | the same with `vocab_size=300` (many ties between pair counts) |
| `bpe-tokenizer-minfreq1.json` | the same with `vocab_size=1000, min_frequency=0` |
| `wordpiece-tokenizer.json` | BERT-style WordPiece: `models.WordPiece(unk_token="[UNK]")`, `BertNormalizer(clean_text=True, handle_chinese_chars=True, strip_accents=None, lowercase=True)`, `BertPreTokenizer()`, `decoders.WordPiece(prefix="##")`; `WordPieceTrainer(vocab_size=1000, min_frequency=2, special_tokens=["[PAD]","[UNK]","[CLS]","[SEP]","[MASK]"], continuing_subword_prefix="##")` |
| `wordpiece-tokenizer-vs300.json` | the same with `vocab_size=300` |
| `bpe-cl100k-tokenizer.json` | byte-level BPE with tiktoken's `cl100k_base` pattern, as Llama 3's `tokenizer.json`: pre-tokenizer `Sequence([Split(Regex(CL100K_PATTERN), "isolated"), ByteLevel(add_prefix_space=False, use_regex=False)])`, `ByteLevel` decoder, no normalizer or post-processor; the `BpeTrainer` of `bpe-tokenizer.json` (`vocab_size=1000, min_frequency=2`) |
| `bpe-cl100k-tokenizer-vs300.json` | the same with `vocab_size=300` |
| `encodings.jsonl` | for each tokenizer file and each of the {n_probes} probe texts (the cl100k tokenizers: and {n_cl100k_probes} more, `CL100K_PROBES`): `{{"tokenizer", "text", "ids", "tokens", "offsets"}}` from `tokenizer.encode(text, add_special_tokens=False)`; offsets are HF's `[start, end)` in Python characters (Unicode code points) of `text` |
| `cl100k-pieces.jsonl` | {n_pieces} texts and their pieces `{{"text", "pieces"}}` from HF's `Split(Regex(CL100K_PATTERN), "isolated").pre_tokenize_str(text)`: the probe texts of at most 1,000 characters, `CL100K_PROBES`, and {n_random} seeded random strings of letters (the contraction letters often, `ſ`, `K` U+212A), digits of several scripts, every kind of whitespace with CR and LF, apostrophes, punctuation, CJK, combining marks, emoji and control characters |

All trainers use `train_from_iterator(texts)` with `show_progress=False`; the tokenizer
files are `tokenizer.save(path, pretty=True)`.

Ids. BPE: `<|endoftext|>` is 0, the 256 byte-level characters follow in code point order
(not byte order: `!` (byte 0x21) is 1, `Ā` (byte 0x00) is 189, after `ÿ`), then one id per merge in
merge order; a merge takes the pair with the highest count, ties going to the smallest
`(left id, right id)`. These ids are HF's own and the same in every run.
WordPiece: the special tokens, then every character of the normalized, pre-tokenized
corpus in code point order, then the `##c` forms of the characters seen in a non-initial
position. HF numbers that last block in a hash-map order seeded at random per process, so
the script renumbers it by code point; every other id is HF's. With this corpus the
special tokens, the alphabet and its `##` forms already make {wp_alphabet} tokens, more than
either WordPiece vocab size, so HF makes no merges and goes over `vocab_size`: both
WordPiece files hold the same vocabulary (the script stops if WordPiece ever merges).
{minfreq_note}

The texts in `corpus.jsonl` come from the project's own fixture corpus
(`fixtures/corpus/`): `jsonl/*` (one text per line that is a JSON object with a string
`"text"`; `.gz` and `.zst` decompressed), every `text/*.txt` as one document (whole file,
as is) and every `text/blocks/*.txt` split into blank-line-separated blocks (lines joined
with `\\n`, then stripped); files in order of their path, texts that are empty after
stripping left out. The probe texts are written in the script.

The cl100k pattern. `CL100K_PATTERN` is
`(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{{L}}\\p{{N}}]?\\p{{L}}+|\\p{{N}}{{1,3}}| ?[^\\s\\p{{L}}\\p{{N}}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+`,
the string Llama 3's `tokenizer.json` holds; HF runs it with Oniguruma. Over every letter HF
knows, its case-insensitive contractions match the ASCII letters in either case and `ſ`
(U+017F, which folds to `s`), nothing else (checked by the script, `CONTRACTION_LETTERS`).
{regex_note}
HF writes the `Split` as `{{"type": "Split", "pattern": {{"Regex": ...}}, "behavior":
"Isolated", "invert": false}}` and the `ByteLevel` after it with `trim_offsets: true`.
"""


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    texts = corpus_texts()
    with open(OUT / "corpus.jsonl", "w", encoding="utf-8", newline="\n") as f:
        for t in texts:
            f.write(dump({"text": t}) + "\n")

    trained = []
    for name, make in TOKENIZERS:
        tok = make(texts)
        tok.save(str(OUT / name), pretty=True)
        # Encode with the tokenizer as saved, so the golden encodings are exactly what
        # loading the file gives.
        trained.append((name, Tokenizer.from_file(str(OUT / name))))

    with open(OUT / "encodings.jsonl", "w", encoding="utf-8", newline="\n") as f:
        for name, tok in trained:
            for text in PROBES + (CL100K_PROBES if name in CL100K_TOKENIZERS else []):
                enc = tok.encode(text, add_special_tokens=False)
                row = {
                    "tokenizer": name,
                    "text": text,
                    "ids": enc.ids,
                    "tokens": enc.tokens,
                    "offsets": [list(o) for o in enc.offsets],
                }
                f.write(dump(row) + "\n")

    check_contraction_folding()
    pieces, checked = cl100k_pieces()
    with open(OUT / "cl100k-pieces.jsonl", "w", encoding="utf-8", newline="\n") as f:
        for row in pieces:
            f.write(dump(row) + "\n")

    # The Unigram section, written by make-unigram-golden.py, stays as it is.
    readme = OUT / "README.md"
    previous = readme.read_text(encoding="utf-8") if readme.exists() else ""
    unigram_section = previous[previous.index(UNIGRAM_BEGIN) :] if UNIGRAM_BEGIN in previous else ""
    with open(readme, "w", encoding="utf-8", newline="\n") as f:
        wp_alphabet = dict(trained)["wordpiece-tokenizer.json"].get_vocab_size()
        same = (OUT / "bpe-tokenizer.json").read_bytes() == (OUT / "bpe-tokenizer-minfreq1.json").read_bytes()
        minfreq_note = (
            "`bpe-tokenizer-minfreq1.json` is identical to `bpe-tokenizer.json`: at `vocab_size=1000`\n"
            "every merge HF takes has a count of at least 2 (HF stops when the best count is below\n"
            "`max(1, min_frequency)`, so `min_frequency` 0 and 1 are the same)."
            if same
            else "`bpe-tokenizer-minfreq1.json` differs from `bpe-tokenizer.json` (HF stops when the best\n"
            "count is below `max(1, min_frequency)`, so `min_frequency` 0 and 1 are the same)."
        )
        f.write(
            README.format(
                version=tokenizers.__version__,
                n_texts=len(texts),
                n_probes=len(PROBES),
                wp_alphabet=wp_alphabet,
                minfreq_note=minfreq_note,
                n_cl100k_probes=len(CL100K_PROBES),
                n_pieces=len(pieces),
                n_random=RANDOM_TEXTS,
                regex_note=REGEX_CHECKED if checked else REGEX_UNCHECKED,
            )
        )
        if unigram_section:
            f.write("\n" + unigram_section)

    print(f"{len(texts)} training texts, {len(PROBES)} probes, tokenizers {tokenizers.__version__} -> {OUT}")


if __name__ == "__main__":
    main()
