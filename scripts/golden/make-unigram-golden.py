#!/usr/bin/env python3
"""Golden Unigram (SentencePiece-style) tokenizers and encodings from Hugging Face
`tokenizers`, a SentencePiece reference vocabulary, and a WordPiece stability check, for
the tests of Pretext's own Unigram encoder and trainer.

Companion of make-tokenizer-golden.py (same directory), which it loads with importlib for
the training texts (corpus_texts()) and the probe texts (PROBES); the texts must equal
fixtures/golden/tokenizers/corpus.jsonl, which that script writes (checked). Writes into
fixtures/golden/tokenizers/

  unigram-tokenizer.json
      models.Unigram() trained by HF: UnigramTrainer(vocab_size=VOCAB_SIZE (3000),
      special_tokens=["<unk>", "<s>", "</s>"], unk_token="<unk>", show_progress=False),
      all other trainer options HF's defaults, train_from_iterator(corpus texts); no
      normalizer, pre-tokenizer Metaspace(replacement="▁", prepend_scheme="always",
      split=True), decoder Metaspace with the same settings, no post-processor;
      tokenizer.save(path, pretty=True).
      The 500 pieces first asked for are impossible: HF's Unigram trainer wants every
      character of the corpus in the vocabulary (1897 distinct characters here), and
      stops with "The vocabulary is not large enough to contain all chars". 3000 gives
      about 1100 multi-character pieces, among them ~90 Chinese and a few Japanese.
      NOT reproducible: HF's Unigram trainer is nondeterministic (hash-map order, float
      sums in that order), so every run gives the same SET of pieces (so far) but
      slightly different scores and a different order of equal-score pieces. The file is
      meant as a given model: Pretext must read it and encode with it exactly as HF does.

  unigram-bytefallback-tokenizer.json
      the model of unigram-tokenizer.json with byte fallback, built through the HF API
      (models.Unigram(vocab, unk_id, byte_fallback=True) put into the tokenizer loaded from
      unigram-tokenizer.json, so HF writes the file): the 256 pieces "<0x00>".."<0xFF>"
      (score 0.0) are put right after the three special tokens, so they get ids 3..258 as
      SentencePiece's byte pieces do, and the trained pieces follow in their order;
      unk_id is the id of "<unk>" (still 0). The single-character pieces of
      DROPPED_CHARS (园 散 雨 오 Ö, all in probe texts and, in the trained model, only
      single-character pieces, not inside a longer piece: checked) are left out, so byte
      fallback fires on them as well as on the probe characters the corpus never had.
      Decoder: decoders.Sequence([ByteFallback(), Metaspace(same settings)]).

  unigram-encodings.jsonl
      for each of the two files above (as loaded back from disk) and each probe text
      (make-tokenizer-golden.py's PROBES, then UNIGRAM_PROBES below), one line
      {"tokenizer": file name, "text", "ids", "tokens", "offsets": [[start, end], ...],
      "decoded"} from tokenizer.encode(text, add_special_tokens=False) and
      tokenizer.decode(ids, skip_special_tokens=False); offsets are HF's, Python
      character (code point) indices into "text". Follows the model files: changes when
      they do.

  spm-unigram-vocab.tsv
      a SentencePiece reference, for judging the quality of Pretext's Unigram trainer
      (not for exact parity): the .vocab file, byte for byte ("piece<TAB>score" per line,
      in id order), of `sentencepiece` (pip) trained by
      SentencePieceTrainer.train(input=<temp file>, model_prefix=<temp>,
      vocab_size=VOCAB_SIZE, model_type="unigram", character_coverage=0.9995,
      num_threads=1, byte_fallback=False, minloglevel=2), all other options
      SentencePiece's defaults (split_digits=False, max_sentence_length=4192, ...).
      minloglevel only quietens the log. The input file holds one corpus text per line,
      with every "\\r" and "\\n" inside a text replaced by a space: SentencePiece's input is
      one sentence per line, so a raw newline would cut a text into several sentences,
      and its default normalizer (nmt_nfkc, with remove_extra_whitespaces) maps those
      characters to spaces anyway. With the defaults, SentencePiece skips (with a
      warning) every line longer than max_sentence_length=4192 UTF-8 bytes: 3 of the 186
      texts here, recorded in the stats.

  spm-unigram-stats.json
      sentencepiece and tokenizers versions, the options passed, and for the corpus texts
      (as they are, newlines included) the total number of tokens SentencePiece produces
      (encode(text, out_type=str)) and the total number of characters (Python len, code
      points), so that tokens per character can be compared; the same for
      unigram-tokenizer.json (encode(text, add_special_tokens=False)); and, as an extra,
      the same for a SentencePiece model trained with max_sentence_length=1<<20 (so on
      all 186 texts; not written). The HF numbers follow unigram-tokenizer.json.

  README.md
      the section between UNIGRAM_README_BEGIN and UNIGRAM_README_END is written (or
      replaced) by this script; make-tokenizer-golden.py rewrites the README without it,
      so run this script after that one (`--readme-only` rewrites just this section; it
      runs the WordPiece check below, which the section reports, but trains nothing else).

WordPiece with merges: the WordPiece golden files of make-tokenizer-golden.py make no
merges (the alphabet alone exceeds their vocab_size). This script trains, in
WORDPIECE_RUNS (5) separate processes, that WordPiece (same normalizer, pre-tokenizer,
decoder, min_frequency=2, special tokens, "##") with vocab_size=3000 and compares the SETS
of vocabulary strings. If they are equal it would be worth a golden file
wordpiece-tokenizer-vs3000.json, but the merged tokens' ids follow HF's merge order, which
depends on the random "##c" ids; no file is written in either case, and the differences
are printed. With tokenizers 0.23.3 the sets differ between runs (ties between equal pair
counts are broken by the randomly numbered "##c" ids), e.g. one run has "##ер" and "##ue"
where another has "##ре" and "##gu".

Usage (from the repository root):

    ../peers/tokenizers/bin/python scripts/golden/make-unigram-golden.py [--readme-only]

Needs `tokenizers` and `sentencepiece` (pip install sentencepiece) in that Python; like
make-tokenizer-golden.py it re-runs itself with $TOKENIZERS_PYTHON when started with a
Python that lacks `tokenizers`. RAYON_NUM_THREADS=1 is set before `tokenizers` is
imported (by make-tokenizer-golden.py).

Reproducibility: unigram-tokenizer.json, unigram-bytefallback-tokenizer.json and
unigram-encodings.jsonl change from run to run (see above; in the encodings mostly the
ids, the segmentation only where scores nearly tie, e.g. "!!!" as "!!" "!" or "!" "!!"),
and the HF numbers of spm-unigram-stats.json may (they did not in two runs);
spm-unigram-vocab.tsv, the SentencePiece numbers and the README section are the same in
every run with the same versions.
"""

import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("make_tokenizer_golden", HERE / "make-tokenizer-golden.py")
base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(base)  # sets RAYON_NUM_THREADS=1, imports tokenizers (or re-execs)

import tokenizers  # noqa: E402
from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, trainers  # noqa: E402

OUT = base.OUT

VOCAB_SIZE = 3000
SPECIALS = ["<unk>", "<s>", "</s>"]
UNIGRAM_FILE = "unigram-tokenizer.json"
BYTEFALLBACK_FILE = "unigram-bytefallback-tokenizer.json"
ENCODINGS_FILE = "unigram-encodings.jsonl"
SPM_VOCAB_FILE = "spm-unigram-vocab.tsv"
SPM_STATS_FILE = "spm-unigram-stats.json"
# In the probes: 园 散 (Chinese probe, side by side), 雨 (Japanese), 오 (Korean, first
# character of the text), Ö (two UTF-8 bytes; "Ödön").
DROPPED_CHARS = ["园", "散", "雨", "오", "Ö"]
SPM_OPTIONS = dict(
    vocab_size=VOCAB_SIZE,
    model_type="unigram",
    character_coverage=0.9995,
    num_threads=1,
    byte_fallback=False,
)
SPM_DEFAULT_MAX_SENTENCE_LENGTH = 4192
WORDPIECE_RUNS = 5
WORDPIECE_VOCAB_SIZE = 3000


def metaspace_pre_tokenizer():
    return pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)


def metaspace_decoder():
    return decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)


# ---------------------------------------------------------------------------------------
# Probe texts (invented for this file), after base.PROBES


def chinese_run(n):
    """A deterministic n-character Chinese text without spaces or punctuation breaks:
    words and single characters picked by a linear congruential generator."""
    words = [
        "我们", "时间", "城市", "医院", "工作", "孩子", "服务", "可以", "自己", "一个",
        "需要", "所有", "天气", "公园", "散步", "图书馆", "老街", "书店", "飞轮", "链条",
        "的", "了", "是", "在", "有", "和", "人", "这", "中", "大", "来", "上", "说",
        "，", "。", "今天", "明天", "下雨", "船上", "老人", "梯田", "茶", "绿", "水",
        "龘", "齉", "爨",  # rare characters (not in the corpus)
    ]
    state, out, size = 424242, [], 0
    while size < n:
        state = (state * 1103515245 + 12345) % 2**31
        w = words[(state >> 16) % len(words)]
        out.append(w)
        size += len(w)
    return "".join(out)[:n]


UNIGRAM_PROBES = [
    # Spaces: Metaspace turns each " " into "▁" and splits before it
    " leading space",
    "trailing space ",
    "double  space  inside",
    "  two leading, two trailing  ",
    " ",
    "  ",
    "a \u00a0b",
    "tab\tseparated\tvalues",
    "already▁has ▁ metaspace▁▁chars▁",
    # Special tokens written in the text (HF matches added tokens before the model)
    "before <unk> after <s>inside</s> end<s>",
    "<unk><unk> <s></s>",
    "look: <0x41> <0xE4><0xB8><0xAD> <0xZZ>",
    "half <0xE4><0xB8> and <0xFF>, then <0xC3><0xA9>",
    # Newlines stay inside pieces (only " " is a metaspace)
    "\n\nfirst line\n\n\nsecond line\n \n third\n\n\n",
    "para one.\n\npara two.\n\n\n\npara three.\n",
    # A long run without spaces: one pre-token
    chinese_run(2000),
    # Digits and letters
    "abc123def 4x4 H2O 1st 2nd 3rd v2.0.1 0xFF 10km 2024年6月3日 x86_64 1e-9",
    # Characters not in the vocabulary: alone, in a row, and next to known ones
    "ᚠ",
    "runes ᚠᛇᚻ᛫ᛒᛦᚦ and hieroglyphs 𓀀𓀁 in a row",
    "aᚠb ᚠa bᚠ x𓀀y",
    "Ω≈ç√∫˜µ≤≥÷ ǅ ꙮ",
]

# ---------------------------------------------------------------------------------------


def dump(obj):
    return json.dumps(obj, ensure_ascii=False, sort_keys=True)


def train_unigram(texts):
    tok = Tokenizer(models.Unigram())
    tok.normalizer = None
    tok.pre_tokenizer = metaspace_pre_tokenizer()
    tok.decoder = metaspace_decoder()
    trainer = trainers.UnigramTrainer(
        vocab_size=VOCAB_SIZE,
        special_tokens=SPECIALS,
        unk_token="<unk>",
        show_progress=False,
    )
    tok.train_from_iterator(texts, trainer=trainer)
    return tok


def byte_fallback_tokenizer(path):
    """The tokenizer at path, its Unigram model rebuilt with byte pieces and byte fallback."""
    tok = Tokenizer.from_file(str(path))
    model = json.loads(tok.to_str())["model"]
    vocab = [(p, s) for p, s in model["vocab"]]
    if [p for p, _ in vocab[: len(SPECIALS)]] != SPECIALS:
        sys.exit(f"{path.name}: the special tokens are not the first pieces")
    pieces = {p for p, _ in vocab}
    for c in DROPPED_CHARS:
        if c not in pieces:
            sys.exit(f"{path.name}: {c!r} (to be dropped) is not a piece")
        longer = [p for p in pieces if c in p and p != c]
        if longer:
            sys.exit(f"{path.name}: {c!r} (to be dropped) is also inside {longer[:5]}")
    byte_pieces = [f"<0x{b:02X}>" for b in range(256)]
    if pieces & set(byte_pieces):
        sys.exit(f"{path.name}: the trained vocabulary already has byte pieces")
    new_vocab = (
        vocab[: len(SPECIALS)]
        + [(p, 0.0) for p in byte_pieces]
        + [(p, s) for p, s in vocab[len(SPECIALS):] if p not in DROPPED_CHARS]
    )
    unk_id = [p for p, _ in new_vocab].index("<unk>")
    tok.model = models.Unigram(new_vocab, unk_id, byte_fallback=True)
    tok.decoder = decoders.Sequence([decoders.ByteFallback(), metaspace_decoder()])
    return tok


def encodings(names_and_tokenizers, probes):
    rows = []
    for name, tok in names_and_tokenizers:
        for text in probes:
            enc = tok.encode(text, add_special_tokens=False)
            rows.append(
                {
                    "tokenizer": name,
                    "text": text,
                    "ids": enc.ids,
                    "tokens": enc.tokens,
                    "offsets": [list(o) for o in enc.offsets],
                    "decoded": tok.decode(enc.ids, skip_special_tokens=False),
                }
            )
    return rows


# ---------------------------------------------------------------------------------------
# SentencePiece


def spm_line(text):
    return text.replace("\r", " ").replace("\n", " ")


def spm_train(texts, tmp, prefix, **extra):
    import sentencepiece as spm

    input_path = Path(tmp) / "input.txt"
    if not input_path.exists():
        with open(input_path, "w", encoding="utf-8", newline="\n") as f:
            for t in texts:
                f.write(spm_line(t) + "\n")
    model_prefix = str(Path(tmp) / prefix)
    spm.SentencePieceTrainer.train(
        input=str(input_path), model_prefix=model_prefix, minloglevel=2, **SPM_OPTIONS, **extra
    )
    sp = spm.SentencePieceProcessor(model_file=model_prefix + ".model")
    return sp, Path(model_prefix + ".vocab")


def spm_reference(texts, hf_tok):
    import sentencepiece as spm

    chars = sum(len(t) for t in texts)

    def counts(n_tokens):
        return {"tokens": n_tokens, "tokens_per_character": round(n_tokens / chars, 6)}

    with tempfile.TemporaryDirectory() as tmp:
        sp, vocab_path = spm_train(texts, tmp, "spm")
        (OUT / SPM_VOCAB_FILE).write_bytes(vocab_path.read_bytes())
        spm_tokens = sum(len(sp.encode(t, out_type=str)) for t in texts)
        spm_size = sp.get_piece_size()
        sp_all, _ = spm_train(texts, tmp, "spm-all", max_sentence_length=1 << 20)
        spm_all_tokens = sum(len(sp_all.encode(t, out_type=str)) for t in texts)

    hf_tokens = sum(len(hf_tok.encode(t, add_special_tokens=False).ids) for t in texts)
    skipped = sum(1 for t in texts if len(spm_line(t).encode("utf-8")) > SPM_DEFAULT_MAX_SENTENCE_LENGTH)
    stats = {
        "sentencepiece_version": spm.__version__,
        "tokenizers_version": tokenizers.__version__,
        "corpus": {
            "texts": len(texts),
            "characters": chars,
            "note": "the texts of corpus.jsonl as they are (newlines included); characters are code points",
        },
        "sentencepiece": {
            "vocab_file": SPM_VOCAB_FILE,
            "options": {**SPM_OPTIONS, "minloglevel": 2},
            "other_options": "SentencePiece's defaults (normalization_rule_name=nmt_nfkc, split_digits=false, "
            f"max_sentence_length={SPM_DEFAULT_MAX_SENTENCE_LENGTH}, ...)",
            "input": "a text file, one corpus text per line, every \\r and \\n in a text replaced by a space",
            "texts_skipped_in_training": skipped,
            "texts_skipped_reason": f"longer than max_sentence_length={SPM_DEFAULT_MAX_SENTENCE_LENGTH} UTF-8 bytes",
            "vocab_size": spm_size,
            "encode": "sum of len(encode(text, out_type=str)) over the corpus texts",
            **counts(spm_tokens),
        },
        "sentencepiece_all_texts": {
            "options": {**SPM_OPTIONS, "minloglevel": 2, "max_sentence_length": 1 << 20},
            "note": "not written: the same training with every text kept",
            **counts(spm_all_tokens),
        },
        "hf_unigram": {
            "file": UNIGRAM_FILE,
            "vocab_size": hf_tok.get_vocab_size(),
            "encode": "sum of len(encode(text, add_special_tokens=False).ids) over the corpus texts",
            **counts(hf_tokens),
        },
    }
    with open(OUT / SPM_STATS_FILE, "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(stats, ensure_ascii=False, indent=2) + "\n")
    return stats


# ---------------------------------------------------------------------------------------
# WordPiece with merges: is the set of vocabulary strings stable across processes?


def wordpiece_vocab(texts, vocab_size):
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
    return sorted(tok.get_vocab())


def wordpiece_stability():
    """Trains the WordPiece in WORDPIECE_RUNS fresh processes; returns (stable, report)."""
    runs = []
    for _ in range(WORDPIECE_RUNS):
        out = subprocess.run(
            [sys.executable, __file__, "--wordpiece-vocab"], check=True, capture_output=True
        ).stdout
        runs.append(set(json.loads(out)))
    lines = []
    for i, vocab in enumerate(runs[1:], start=2):
        if vocab == runs[0]:
            lines.append(f"  run {i}: same set as run 1 ({len(vocab)} strings)")
        else:
            lines.append(
                f"  run {i}: only in run 1 {sorted(runs[0] - vocab)}, only in run {i} {sorted(vocab - runs[0])}"
            )
    common = set.intersection(*runs)
    lines.append(f"  {len(common)} strings in every run, {len(set.union(*runs)) - len(common)} in some only")
    return all(v == runs[0] for v in runs), "\n".join(lines)


# ---------------------------------------------------------------------------------------

README_BEGIN = "<!-- UNIGRAM_README_BEGIN (written by scripts/golden/make-unigram-golden.py) -->"
README_END = "<!-- UNIGRAM_README_END -->"

README_SECTION = """\
## Unigram golden files

Produced with `scripts/golden/make-unigram-golden.py` (HF `tokenizers` {version},
`sentencepiece` {spm_version}), for the tests of Pretext's Unigram encoder and trainer.
Regenerate from the repository root with

    ../peers/tokenizers/bin/python scripts/golden/make-unigram-golden.py

(the virtualenv also needs `pip install sentencepiece`). `make-tokenizer-golden.py`
rewrites this README without this section: run this script after it (`--readme-only`
rewrites just this section). Training texts: `corpus.jsonl` (the script checks that they
are what `make-tokenizer-golden.py` reads).

| file | what |
|---|---|
| `{unigram}` | `models.Unigram()` trained by HF: `UnigramTrainer(vocab_size={vs}, special_tokens=["<unk>","<s>","</s>"], unk_token="<unk>")`, other trainer options HF's defaults; no normalizer, `Metaspace(replacement="▁", prepend_scheme="always", split=True)` pre-tokenizer and decoder, no post-processor |
| `{bytefallback}` | the same pieces and scores with `byte_fallback: true`: `"<0x00>"`..`"<0xFF>"` (score 0.0) as ids 3..258 right after the special tokens, then the trained pieces in their order without the single-character pieces {dropped} (so that byte fallback fires on them too); decoder `Sequence([ByteFallback(), Metaspace(...)])` |
| `{encodings}` | for both files and each of the {n_probes} probe texts (the {n_base} of `encodings.jsonl`, then {n_extra} more on spaces, literal special tokens, newlines, a {n_chinese}-character Chinese run, digits, unknown characters): `{{"tokenizer", "text", "ids", "tokens", "offsets", "decoded"}}` from `encode(text, add_special_tokens=False)` and `decode(ids, skip_special_tokens=False)`; offsets in Python characters (code points) |
| `{spm_vocab}` | reference for the trainer's quality, not for parity: the `.vocab` file (`piece<TAB>score`, id order) of `sentencepiece` Unigram trained with `vocab_size={vs}, model_type="unigram", character_coverage=0.9995, num_threads=1, byte_fallback=False`, other options its defaults, on a text file with one corpus text per line (`\\r`, `\\n` inside a text replaced by spaces; SentencePiece reads one sentence per line and its `nmt_nfkc` normalizer makes them spaces anyway). With the default `max_sentence_length=4192` (bytes) it skips the {skipped} longest texts |
| `{spm_stats}` | versions, options, and tokens per character on the corpus texts for that SentencePiece model, for the HF model of `{unigram}`, and for SentencePiece trained with `max_sentence_length=1<<20` (all texts; model not kept) |

Vocabulary size. {vs}, not 500: HF's Unigram trainer wants every character of the corpus
in the vocabulary ({n_chars} distinct characters, so `vocab_size=500` fails with "The
vocabulary is not large enough to contain all chars"; SentencePiece with
`character_coverage=0.9995` fails likewise: "500 vs 1851"). At {vs} there are about 1100
multi-character pieces, Chinese and Japanese ones among them.

Not reproducible. HF's Unigram trainer is not deterministic (hash-map order, and float
sums in that order): every run gives the same set of pieces (so far) but slightly
different scores and a different order of equal scores. The two Unigram tokenizer
files and `{encodings}` change from run to run (in the ids mostly; a near-tie such as
`"!!!"` may also split differently), and the HF numbers in `{spm_stats}` may;
they are a given model and what HF does with it, which Pretext must match exactly.
`{spm_vocab}` and the SentencePiece numbers are the same in every run.

What HF does, as the encodings show (offsets in code points of the text):

- Metaspace turns every `" "` (and a literal `"▁"`) into `"▁"` and splits before it; each
  space keeps its own offsets (`"a  b"`: `"▁a"` [0,1], `"▁"` [1,2], `"▁b"` [2,4]), a
  trailing space is a `"▁"` token of its own. Other whitespace (`\\n`, `\\t`, `\\r`,
  NBSP) is ordinary text: `"\\n\\n"` and `"。\\n\\n"` are pieces.
- `prepend_scheme="always"` puts a `"▁"` before every stretch of text between added
  tokens that does not start with one, so also after `<s>` in the middle of a text.
  The prepended `"▁"` has no width: it takes the offsets of the character it precedes,
  alone (`"▁"` [0,1] then `"今"` [0,1]) or inside a piece (`"▁tra"` [0,3] for "tra").
- Added tokens (`<unk>`, `<s>`, `</s>`) written in the text are found before the model
  runs, also with `add_special_tokens=False`.
- Unknown characters next to each other (within one pre-token) make one `<unk>` token
  (id `unk_id`) whose token string is the text it covers (`"ΟΔΥΣΣΕΥΣ"` [7,15]).
- Byte fallback replaces such a fused unknown run by the `<0xXX>` pieces of its UTF-8
  bytes, every one with the offsets of the whole run (`"公园散步"` without `园`, `散`:
  six byte tokens, all [12,14]). The byte pieces are ordinary pieces too: the literal text
  `"<0x41>"` is the piece `<0x41>` (score 0.0) and decodes to `"A"`.
- Decoding: `ByteFallback` turns runs of byte tokens into text (invalid UTF-8 gives
  U+FFFD), Metaspace turns `"▁"` into `" "` and drops the first character of the first
  token if it is `"▁"`: a text with a leading space decodes without it (`" "` decodes
  to `""`), and `"<s>inside"` decodes to `"<s> inside"`. Unknown tokens decode as
  `<unk>`.

WordPiece with merges. The WordPiece files above make no merges. The script also trains
that WordPiece with `vocab_size={wp_vs}` in {wp_runs} separate processes and compares
the sets of vocabulary strings: {wp_finding}
"""

WP_UNSTABLE = """\
they differ (ties between equal pair counts are broken by the
`##c` ids, which HF numbers in a randomly seeded order, e.g. `##ер`/`##ue` in one run where
another has `##ре`/`##gu`), so there is no golden file for it."""

WP_STABLE = """\
in the last run they were equal, but the ids of
merged tokens follow HF's merge order, which depends on the random `##c` ids, so there is
no golden file for it yet."""


def write_readme(n_chars, wp_stable):
    import sentencepiece as spm

    section = README_SECTION.format(
        version=tokenizers.__version__,
        spm_version=spm.__version__,
        unigram=UNIGRAM_FILE,
        bytefallback=BYTEFALLBACK_FILE,
        encodings=ENCODINGS_FILE,
        spm_vocab=SPM_VOCAB_FILE,
        spm_stats=SPM_STATS_FILE,
        vs=VOCAB_SIZE,
        dropped=", ".join(f"`{c}`" for c in DROPPED_CHARS),
        n_probes=len(base.PROBES) + len(UNIGRAM_PROBES),
        n_base=len(base.PROBES),
        n_extra=len(UNIGRAM_PROBES),
        n_chinese=len(chinese_run(2000)),
        skipped=n_skipped(base.corpus_texts()),
        n_chars=n_chars,
        wp_vs=WORDPIECE_VOCAB_SIZE,
        wp_runs=WORDPIECE_RUNS,
        wp_finding=WP_STABLE if wp_stable else WP_UNSTABLE,
    )
    block = f"{README_BEGIN}\n{section}{README_END}\n"
    path = OUT / "README.md"
    text = path.read_text(encoding="utf-8")
    if README_BEGIN in text and README_END in text:
        head, rest = text.split(README_BEGIN, 1)
        tail = rest.split(README_END, 1)[1].lstrip("\n")
        text = head + block + tail
    else:
        text = text.rstrip("\n") + "\n\n" + block
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def n_skipped(texts):
    return sum(1 for t in texts if len(spm_line(t).encode("utf-8")) > SPM_DEFAULT_MAX_SENTENCE_LENGTH)


def checked_texts():
    texts = base.corpus_texts()
    with open(OUT / "corpus.jsonl", encoding="utf-8") as f:
        golden = [json.loads(line)["text"] for line in f]
    if texts != golden:
        sys.exit("the corpus texts differ from corpus.jsonl: run make-tokenizer-golden.py first")
    return texts


def main():
    if sys.argv[1:] == ["--wordpiece-vocab"]:
        print(json.dumps(wordpiece_vocab(base.corpus_texts(), WORDPIECE_VOCAB_SIZE), ensure_ascii=False))
        return
    texts = checked_texts()
    n_chars = len({c for t in texts for c in t})
    if sys.argv[1:] == ["--readme-only"]:
        write_readme(n_chars, wordpiece_stability()[0])
        return
    if sys.argv[1:]:
        sys.exit(f"usage: {sys.argv[0]} [--readme-only]")

    train_unigram(texts).save(str(OUT / UNIGRAM_FILE), pretty=True)
    byte_fallback_tokenizer(OUT / UNIGRAM_FILE).save(str(OUT / BYTEFALLBACK_FILE), pretty=True)

    # Encode with the tokenizers as saved.
    loaded = [(name, Tokenizer.from_file(str(OUT / name))) for name in (UNIGRAM_FILE, BYTEFALLBACK_FILE)]
    with open(OUT / ENCODINGS_FILE, "w", encoding="utf-8", newline="\n") as f:
        for row in encodings(loaded, base.PROBES + UNIGRAM_PROBES):
            f.write(dump(row) + "\n")

    stats = spm_reference(texts, loaded[0][1])

    stable, report = wordpiece_stability()
    print(f"WordPiece vocab_size={WORDPIECE_VOCAB_SIZE}, {WORDPIECE_RUNS} processes: "
          f"{'the same set of strings' if stable else 'different sets of strings'}\n{report}")

    write_readme(n_chars, stable)

    sizes = {name: tok.get_vocab_size() for name, tok in loaded}
    print(
        f"{len(texts)} training texts, {len(base.PROBES) + len(UNIGRAM_PROBES)} probes, "
        f"tokenizers {tokenizers.__version__}, sentencepiece {stats['sentencepiece_version']} -> {OUT}\n"
        f"vocab sizes: {sizes}, SentencePiece {stats['sentencepiece']['vocab_size']}\n"
        f"tokens per character: SentencePiece {stats['sentencepiece']['tokens_per_character']} "
        f"(all texts: {stats['sentencepiece_all_texts']['tokens_per_character']}), "
        f"HF Unigram {stats['hf_unigram']['tokens_per_character']}"
    )


if __name__ == "__main__":
    main()
