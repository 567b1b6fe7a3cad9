#!/usr/bin/env python3
"""Peer measurements for scripts/bench/tokenizer.sh: HF `tokenizers` and `tiktoken` on the same
JSONL texts and tokenizer.json files as Pretext.

Modes (every one prints JSON lines on stdout, messages on stderr):

  encode --tokenizer FILE --threads N [--repeat K] [--check 200] [--pretext-ids FILE]
         [--no-tiktoken] [--no-loop] FILES.jsonl...
      Loads every "text" of FILES into memory (not timed), then times, best of K:
        hf-tokenizers       Tokenizer.from_file(FILE).encode_batch(texts, add_special_tokens=False)
        hf-tokenizers-fast  the same with encode_batch_fast (no offsets: HF's ids-only path)
        tiktoken            for byte-level BPE only: a tiktoken.Encoding built from the same ranks
                            with GPT-2's split pattern, encode_ordinary_batch(texts, num_threads=N)
        tiktoken-loop       [enc.encode_ordinary(t) for t in texts] on one thread (not with
                            --no-loop)
      HF's thread count is RAYON_NUM_THREADS, set by the caller (before this script starts).
      Each line has the shape of pretext-tokenizer-throughput's:
        {"tool":…,"threads":N,"bytes":…,"texts":…,"tokens":…,"seconds":…,"mb_per_s":…,"repeat":K}
      (bytes: UTF-8 bytes of the texts; MB = 10^6 bytes). Then one line
        {"check":"ids","texts":200,"reference":"hf-tokenizers","mismatches":{tool: count, …}}
      comparing the ids of the first --check texts of every tool, and of Pretext when
      --pretext-ids names the file pretext-tokenizer-throughput --ids-out wrote.

  train --model bpe|wordpiece|unigram --vocab-size V [--min-frequency 0] --out tokenizer.json FILES.jsonl...
      Trains HF's tokenizer with the defaults of Pretext's `tokenizer` stage
      (docs/stages/tokenizer.md), streaming the texts from FILES (reading counts, as Pretext's
      training reads its shards), saves it with save(pretty=True) and prints
        {"tool":"hf-tokenizers","mode":"train","model":…,"vocab_size":…,"texts":…,"bytes":…,
         "seconds":…}
        bpe:        models.BPE(), ByteLevel(add_prefix_space=False) pre-tokenizer and decoder,
                    BpeTrainer(special_tokens=["<|endoftext|>"], initial_alphabet=ByteLevel.alphabet())
        wordpiece:  models.WordPiece(unk_token="[UNK]"), BertNormalizer(clean_text,
                    handle_chinese_chars, strip_accents=None, lowercase=True), BertPreTokenizer,
                    WordPiece decoder, WordPieceTrainer(special_tokens=[PAD, UNK, CLS, SEP, MASK],
                    continuing_subword_prefix="##")
        unigram:    SentencePiece (not HF): SentencePieceTrainer.train(sentence_iterator=the texts,
                    model_type="unigram", its defaults otherwise, num_threads=RAYON_NUM_THREADS,
                    max_sentence_length=2^24 so that no document is skipped); --out FILE.model
                    (FILE.vocab beside it); prints the line with "tool":"sentencepiece"
      Peak memory and CPU come from /usr/bin/time -v around this process (the caller).

  fertility --tokenizer FILE [--lang-from-script] FILES.jsonl...
      Tokens per character (code point) for the texts whose "lang" is en, zh, and all, with HF
      (encode_batch_fast), or with SentencePiece when FILE ends in .model (encode(texts,
      num_threads=RAYON_NUM_THREADS)); the shape of pretext-tokenizer-throughput --fertility's line. With
      --lang-from-script a text without "lang" is zh when most of its letters are Han, en when
      most are Latin (the `regex` module's script properties; Pretext asks ICU).

  compare A.json B.json
      Compares the "model" sections of two tokenizer.json files: prints
        {"check":"model","type":…,"same_model":bool,"same_vocab_ids":bool,"same_tokens":bool,
         "same_merges":bool or null (no merges),"only_a":n,"only_b":n,"same_file":bool}
      (needs no tokenizers package). When B ends in .model (SentencePiece), compares the pieces
      of A's Unigram vocabulary with B's: {"check":"vocab",…,"common":n} (same keys).

Run with a Python that has tokenizers, tiktoken and sentencepiece (scripts/bench/tokenizer.sh
uses ../peers/tokenizers/bin/python next to the repository).
"""

import argparse
import json
import os
import sys
import time
from types import SimpleNamespace

GPT2_PATTERN = r"""'(?:[sdmt]|ll|ve|re)| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"""
BPE_SPECIALS = ["<|endoftext|>"]
WORDPIECE_SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


def log(message):
    print(message, file=sys.stderr, flush=True)


def emit(record):
    print(json.dumps(record, separators=(",", ":")), flush=True)


def jsonl_records(paths):
    """The JSON object of every non-blank line of the plain JSONL files, in order."""
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield json.loads(line)


def load_texts(paths, lang_from_script=False):
    """(texts, languages): every "text", and its "lang" (or, with lang_from_script, the
    language of its script when it has no "lang"; else None)."""
    texts, languages = [], []
    for record in jsonl_records(paths):
        texts.append(record["text"])
        lang = record.get("lang")
        if lang is None and lang_from_script:
            lang = script_language(record["text"])
        languages.append(lang)
    return texts, languages


_SCRIPT_PATTERNS = None


def script_language(text):
    """zh when most letters (category L*) of text are Han, en when most are Latin, else None."""
    global _SCRIPT_PATTERNS
    if _SCRIPT_PATTERNS is None:
        import regex

        _SCRIPT_PATTERNS = [regex.compile(p) for p in (
            r"\p{L}+", r"(?V1)[\p{Han}&&\p{L}]+", r"(?V1)[\p{Latin}&&\p{L}]+")]
    letters, han, latin = (sum(map(len, p.findall(text))) for p in _SCRIPT_PATTERNS)
    if letters and han * 2 > letters:
        return "zh"
    if letters and latin * 2 > letters:
        return "en"
    return None


def throughput(tool, threads, texts, nbytes, tokens, seconds, repeat):
    return {"tool": tool, "threads": threads, "bytes": nbytes, "texts": len(texts), "tokens": tokens,
            "seconds": round(seconds, 4), "mb_per_s": round(nbytes / 1e6 / seconds, 2), "repeat": repeat}


def best_of(repeat, run):
    """(fastest seconds, result of the last run) of `repeat` calls of run(); a result is dropped
    before the next run starts, outside the timed part."""
    best, result = float("inf"), None
    for _ in range(repeat):
        result = None
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def bytes_to_unicode():
    """GPT-2's map from the 256 byte values to printable characters."""
    bs = (list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1))
          + list(range(ord("®"), ord("ÿ") + 1)))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, map(chr, cs)))


def is_byte_level_bpe(data):
    """Whether a tokenizer.json is GPT-2's byte-level BPE without a normalizer (what tiktoken
    can run)."""
    pre = data.get("pre_tokenizer") or {}
    return (data["model"]["type"] == "BPE" and data.get("normalizer") is None
            and pre.get("type") == "ByteLevel" and not pre.get("add_prefix_space", False))


def tiktoken_encoding(data, name):
    """A tiktoken Encoding with the ranks of a byte-level BPE tokenizer.json (rank = HF id; the
    added tokens are tiktoken's special tokens), built offline: no download."""
    import tiktoken

    byte_of = {c: b for b, c in bytes_to_unicode().items()}
    special = {t["content"]: t["id"] for t in data.get("added_tokens", [])}
    ranks = {bytes(byte_of[c] for c in token): rank
             for token, rank in data["model"]["vocab"].items() if token not in special}
    return tiktoken.Encoding(name=name, pat_str=GPT2_PATTERN, mergeable_ranks=ranks, special_tokens=special)


def encode_mode(args):
    from tokenizers import Tokenizer

    if "RAYON_NUM_THREADS" not in os.environ:
        log("warning: RAYON_NUM_THREADS is not set: HF uses every core")
    texts, _ = load_texts(args.files)
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    data = json.load(open(args.tokenizer, encoding="utf-8"))
    hf = Tokenizer.from_file(args.tokenizer)
    check = {}  # tool -> ids of the first --check texts

    seconds, encodings = best_of(args.repeat, lambda: hf.encode_batch(texts, add_special_tokens=False))
    emit(throughput("hf-tokenizers", args.threads, texts, nbytes, sum(len(e.ids) for e in encodings), seconds,
                    args.repeat))
    check["hf-tokenizers"] = [e.ids for e in encodings[:args.check]]
    encodings = None

    seconds, encodings = best_of(args.repeat, lambda: hf.encode_batch_fast(texts, add_special_tokens=False))
    emit(throughput("hf-tokenizers-fast", args.threads, texts, nbytes, sum(len(e.ids) for e in encodings),
                    seconds, args.repeat))
    check["hf-tokenizers-fast"] = [e.ids for e in encodings[:args.check]]
    encodings = None

    if args.no_tiktoken:
        pass
    elif not is_byte_level_bpe(data):
        log("tiktoken skipped: %s is not a byte-level BPE" % args.tokenizer)
    else:
        enc = tiktoken_encoding(data, "pretext-bench")
        seconds, ids = best_of(args.repeat, lambda: enc.encode_ordinary_batch(texts, num_threads=args.threads))
        emit(throughput("tiktoken", args.threads, texts, nbytes, sum(map(len, ids)), seconds, args.repeat))
        check["tiktoken"] = ids[:args.check]
        ids = None
        if not args.no_loop:
            seconds, ids = best_of(args.repeat, lambda: [enc.encode_ordinary(t) for t in texts])
            emit(throughput("tiktoken-loop", 1, texts, nbytes, sum(map(len, ids)), seconds, args.repeat))
            check["tiktoken-loop"] = ids[:args.check]
            ids = None

    if args.pretext_ids:
        with open(args.pretext_ids) as f:
            check["pretext"] = [json.loads(line) for line in f][:args.check]
    reference = check["hf-tokenizers"]
    mismatches = {}
    for tool, ids in check.items():
        if tool == "hf-tokenizers":
            continue
        n = min(len(ids), len(reference))
        bad = [i for i in range(n) if list(ids[i]) != list(reference[i])] + list(range(n, len(reference)))
        mismatches[tool] = len(bad)
        if bad:
            i = bad[0]
            log("ids differ: %s vs hf-tokenizers on %d of %d texts; first: text %d (%r...)" % (
                tool, len(bad), len(reference), i, texts[i][:60]))
    emit({"check": "ids", "texts": len(reference), "reference": "hf-tokenizers", "mismatches": mismatches})


def train_mode(args):
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, trainers

    if "RAYON_NUM_THREADS" not in os.environ:
        log("warning: RAYON_NUM_THREADS is not set: HF uses every core")
    start = time.perf_counter()
    counts = {"texts": 0, "bytes": 0}

    def batches(size=1000):
        batch = []
        for record in jsonl_records(args.files):
            text = record["text"]
            counts["texts"] += 1
            counts["bytes"] += len(text.encode("utf-8"))
            batch.append(text)
            if len(batch) == size:
                yield batch
                batch = []
        if batch:
            yield batch

    if args.model == "unigram":
        pass
    elif args.model == "bpe":
        tok = Tokenizer(models.BPE())
        tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
        tok.decoder = decoders.ByteLevel()
        trainer = trainers.BpeTrainer(
            vocab_size=args.vocab_size, min_frequency=args.min_frequency, special_tokens=BPE_SPECIALS,
            initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False)
    else:
        tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
        tok.normalizer = normalizers.BertNormalizer(
            clean_text=True, handle_chinese_chars=True, strip_accents=None, lowercase=True)
        tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
        tok.decoder = decoders.WordPiece(prefix="##")
        trainer = trainers.WordPieceTrainer(
            vocab_size=args.vocab_size, min_frequency=args.min_frequency, special_tokens=WORDPIECE_SPECIALS,
            continuing_subword_prefix="##", show_progress=False)
    if args.model == "unigram":
        train_sentencepiece(args, batches, start, counts)
        return
    tok.train_from_iterator(batches(), trainer=trainer)
    tok.save(args.out, pretty=True)
    emit({"tool": "hf-tokenizers", "mode": "train", "model": args.model, "vocab_size": tok.get_vocab_size(),
          "texts": counts["texts"], "bytes": counts["bytes"], "seconds": round(time.perf_counter() - start, 3)})


def train_sentencepiece(args, batches, start, counts):
    """SentencePiece's Unigram trainer with its defaults (character coverage 0.9995, shrinking
    0.75, seed 1M, specials <unk> <s> </s>), one document per sentence (max_sentence_length
    raised so that no document is skipped), num_threads from RAYON_NUM_THREADS; writes
    OUT.model and OUT.vocab with OUT the --out path without ".model"."""
    import sentencepiece as spm

    threads = int(os.environ.get("RAYON_NUM_THREADS", "2"))
    prefix = args.out[: -len(".model")] if args.out.endswith(".model") else args.out
    texts = (text for batch in batches() for text in batch)
    spm.SentencePieceTrainer.train(
        sentence_iterator=texts, model_prefix=prefix, vocab_size=args.vocab_size, model_type="unigram",
        num_threads=threads, max_sentence_length=1 << 24, minloglevel=1)
    emit({"tool": "sentencepiece", "mode": "train", "model": "unigram", "vocab_size": args.vocab_size,
          "texts": counts["texts"], "bytes": counts["bytes"], "seconds": round(time.perf_counter() - start, 3)})


def fertility_mode(args):
    texts, languages = load_texts(args.files, args.lang_from_script)
    if args.tokenizer.endswith(".model"):
        import sentencepiece as spm

        processor = spm.SentencePieceProcessor(model_file=args.tokenizer)
        threads = int(os.environ.get("RAYON_NUM_THREADS", "2"))
        encodings = [SimpleNamespace(ids=ids) for ids in processor.encode(texts, num_threads=threads)]
        tool = "sentencepiece"
    else:
        from tokenizers import Tokenizer

        encodings = Tokenizer.from_file(args.tokenizer).encode_batch_fast(texts, add_special_tokens=False)
        tool = "hf-tokenizers"
    groups = {name: {"texts": 0, "chars": 0, "tokens": 0} for name in ("en", "zh", "all")}
    for text, lang, encoding in zip(texts, languages, encodings):
        for name in ("all", lang):
            if name in groups:
                g = groups[name]
                g["texts"] += 1
                g["chars"] += len(text)
                g["tokens"] += len(encoding.ids)
    for g in groups.values():
        g["tokens_per_char"] = round(g["tokens"] / g["chars"], 4) if g["chars"] else None
    emit({"tool": tool, "mode": "fertility", "groups": groups})


def compare_mode(args):
    if args.b.endswith(".model"):
        compare_sentencepiece(args)
        return
    a_bytes, b_bytes = open(args.a, "rb").read(), open(args.b, "rb").read()
    a, b = json.loads(a_bytes)["model"], json.loads(b_bytes)["model"]
    va, vb = a.get("vocab", {}), b.get("vocab", {})
    emit({"check": "model", "type": a.get("type"), "same_model": a == b, "same_vocab_ids": va == vb,
          "same_tokens": set(va) == set(vb),
          "same_merges": a.get("merges") == b.get("merges") if "merges" in a or "merges" in b else None,
          "only_a": len(set(va) - set(vb)), "only_b": len(set(vb) - set(va)), "same_file": a_bytes == b_bytes})


def compare_sentencepiece(args):
    """The pieces of a Unigram tokenizer.json against those of a SentencePiece model (ids and
    scores differ by design; the overlap of the vocabularies is what is reported)."""
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_file=args.b)
    a = [piece for piece, _ in json.load(open(args.a, encoding="utf-8"))["model"]["vocab"]]
    b = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    emit({"check": "vocab", "type": "Unigram", "same_model": False, "same_vocab_ids": a == b,
          "same_tokens": set(a) == set(b), "same_merges": None, "only_a": len(set(a) - set(b)),
          "only_b": len(set(b) - set(a)), "common": len(set(a) & set(b)), "same_file": False})


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    p = sub.add_parser("encode")
    p.add_argument("--tokenizer", required=True)
    p.add_argument("--threads", type=int, required=True, help="tiktoken's num_threads; the label of HF's rows")
    p.add_argument("--repeat", type=int, default=1)
    p.add_argument("--check", type=int, default=200, help="compare the ids of this many first texts")
    p.add_argument("--pretext-ids", help="ids written by pretext-tokenizer-throughput --ids-out")
    p.add_argument("--no-tiktoken", action="store_true")
    p.add_argument("--no-loop", action="store_true", help="skip the single-thread encode_ordinary loop")
    p.add_argument("files", nargs="+")
    p = sub.add_parser("train")
    p.add_argument("--model", choices=["bpe", "wordpiece", "unigram"], required=True,
                   help="unigram trains with SentencePiece (--out FILE.model)")
    p.add_argument("--vocab-size", type=int, required=True)
    p.add_argument("--min-frequency", type=int, default=0)
    p.add_argument("--out", required=True)
    p.add_argument("files", nargs="+")
    p = sub.add_parser("fertility")
    p.add_argument("--tokenizer", required=True)
    p.add_argument("--lang-from-script", action="store_true")
    p.add_argument("files", nargs="+")
    p = sub.add_parser("compare")
    p.add_argument("a")
    p.add_argument("b")
    args = parser.parse_args()
    {"encode": encode_mode, "train": train_mode, "fertility": fertility_mode, "compare": compare_mode}[args.mode](args)


if __name__ == "__main__":
    main()
