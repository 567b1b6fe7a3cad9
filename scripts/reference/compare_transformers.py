#!/usr/bin/env python3
"""Loads a checkpoint Pretext's trainer wrote in Hugging Face transformers and compares its
logits with the independent numpy forward pass (bert_forward.py for BERT, RoBERTa and ALBERT /
gpt2_forward.py), which the
Swift tests compare with Pretext's own logits within 1e-4 — so agreement here closes the loop
Pretext → numpy → transformers. Run by hand (torch and transformers are gigabytes; not in CI):

    python scripts/reference/compare_transformers.py out/quickstart/train [--rows 4] [--seed 0]

Prints the model class, the missing and unexpected keys `from_pretrained` reported (both must
be empty), and the largest absolute logit difference over the real positions of ROWS random
rows (GPT-2: one document per row, plain causal attention; BERT and ALBERT: random lengths and
segments; RoBERTa: random lengths, padding filled with the pad id, from which transformers
derives the position ids, and token type 0). A contrastive checkpoint (architecture `BertModel`)
is loaded with `AutoModel` and compared on `last_hidden_state` at the real positions and on the
embeddings pooled as `pretext_pooling` says (sentence-transformers' mean over the attention
mask, or the first token's state).
Exits 1 when keys are missing or unexpected or the difference is above 1e-4.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import torch
import transformers


def random_inputs(config: dict, rows: int, rng: np.random.Generator) -> dict:
    """Rows of random ids over the whole vocabulary, each with a random real length."""
    is_gpt2 = config["model_type"] == "gpt2"
    width = config["n_positions"] if is_gpt2 else config["max_position_embeddings"]
    vocab = config["vocab_size"]
    ids = rng.integers(0, vocab, size=(rows, width)).tolist()
    lengths = rng.integers(width // 2, width + 1, size=rows).tolist()
    if is_gpt2:
        positions = [list(range(width)) for _ in range(rows)]
        return {"input_ids": ids, "positions": positions, "length": lengths, "document_attention": False}
    if config["model_type"] == "roberta":
        pad = config["pad_token_id"]
        width -= pad + 1  # the position table holds pad + 1 offset rows
        ids = [[(t if t != pad else (pad + 1) % vocab) if i < n else pad for i, t in enumerate(row[:width])]
               for row, n in zip(ids, lengths)]
        lengths = [min(n, width) for n in lengths]
        return {"input_ids": ids, "segment_ids": [[0] * width for _ in range(rows)], "lengths": lengths}
    segments = [[0 if t < lengths[r] // 2 else 1 for t in range(width)] for r in range(rows)]
    return {"input_ids": ids, "segment_ids": segments, "lengths": lengths}


def numpy_logits(script: str, checkpoint: str, inputs: dict) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        given = os.path.join(scratch, "inputs.json")
        out = os.path.join(scratch, "out.json")
        with open(given, "w") as handle:
            json.dump(inputs, handle)
        subprocess.run([sys.executable, script, checkpoint, given, out], check=True)
        with open(out) as handle:
            return json.load(handle)


def compare_embeddings(model, config: dict, inputs: dict, reference: dict) -> float:
    """The largest difference of transformers' last hidden states (real positions) and pooled
    embeddings from the numpy reference's, the pooling done here as sentence-transformers does."""
    ids = torch.tensor(inputs["input_ids"])
    mask = torch.tensor([[1 if t < n else 0 for t in range(ids.shape[1])] for n in inputs["lengths"]])
    hidden = model(input_ids=ids, token_type_ids=torch.tensor(inputs["segment_ids"]), attention_mask=mask)
    hidden = hidden.last_hidden_state
    if config.get("pretext_pooling", "mean") == "mean":
        weights = mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * weights).sum(dim=1) / weights.sum(dim=1)
    else:
        pooled = hidden[:, 0]
    print(f"  pooling {config.get('pretext_pooling')}, temperature {config.get('pretext_temperature')}")
    largest = float(np.abs(pooled.numpy() - np.array(reference["pooled"])).max())
    for row, length in enumerate(inputs["lengths"]):
        expected = np.array(reference["last_hidden_state"][row])
        largest = max(largest, float(np.abs(hidden[row, :length].numpy() - expected).max()))
    return largest


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("checkpoint")
    parser.add_argument("--rows", type=int, default=4)
    parser.add_argument("--seed", type=int, default=0)
    arguments = parser.parse_args()
    with open(os.path.join(arguments.checkpoint, "config.json")) as handle:
        config = json.load(handle)
    architecture = config["architectures"][0]
    model_class = transformers.AutoModel if architecture == "BertModel" else getattr(transformers, architecture)
    model, info = model_class.from_pretrained(arguments.checkpoint, output_loading_info=True)
    model.eval()
    print(f"transformers {transformers.__version__}, torch {torch.__version__}: {architecture}")
    for key in ("missing_keys", "unexpected_keys", "mismatched_keys"):
        print(f"  {key}: {info.get(key, [])}")
    inputs = random_inputs(config, arguments.rows, np.random.default_rng(arguments.seed))
    here = os.path.dirname(os.path.abspath(__file__))
    largest = 0.0
    with torch.no_grad():
        ids = torch.tensor(inputs["input_ids"])
        if config["model_type"] == "gpt2":
            reference = numpy_logits(os.path.join(here, "gpt2_forward.py"), arguments.checkpoint, inputs)
            mask = torch.tensor([[1 if t < n else 0 for t in range(ids.shape[1])] for n in inputs["length"]])
            logits = model(input_ids=ids, attention_mask=mask).logits.numpy()
            for row, length in enumerate(inputs["length"]):
                expected = np.array(reference["logits"][row])
                largest = max(largest, float(np.abs(logits[row, :length] - expected).max()))
        elif architecture == "BertModel":
            reference = numpy_logits(os.path.join(here, "bert_forward.py"), arguments.checkpoint, inputs)
            largest = compare_embeddings(model, config, inputs, reference)
        else:
            reference = numpy_logits(os.path.join(here, "bert_forward.py"), arguments.checkpoint, inputs)
            mask = torch.tensor([[1 if t < n else 0 for t in range(ids.shape[1])] for n in inputs["lengths"]])
            output = model(input_ids=ids, token_type_ids=torch.tensor(inputs["segment_ids"]), attention_mask=mask)
            mlm = output.prediction_logits.numpy() if hasattr(output, "prediction_logits") else output.logits.numpy()
            for row, length in enumerate(inputs["lengths"]):
                expected = np.array(reference["mlm_logits"][row])
                largest = max(largest, float(np.abs(mlm[row, :length] - expected).max()))
            if reference.get("pair_logits") is not None:
                pair = (output.sop_logits if hasattr(output, "sop_logits") else output.seq_relationship_logits).numpy()
                largest = max(largest, float(np.abs(pair - np.array(reference["pair_logits"])).max()))
    print(f"  rows {arguments.rows}; largest |transformers − numpy reference| over real positions: {largest:.3g}")
    clean = not info.get("missing_keys") and not info.get("unexpected_keys") and not info.get("mismatched_keys")
    return 0 if clean and largest <= 1e-4 else 1


if __name__ == "__main__":
    sys.exit(main())
