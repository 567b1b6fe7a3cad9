#!/usr/bin/env python3
"""Reference forward pass of a BERT checkpoint written by Pretext's trainer, in numpy.

Usage:  python3 scripts/reference/bert_forward.py CHECKPOINT_DIR INPUTS.json OUT.json

Reads CHECKPOINT_DIR/config.json and CHECKPOINT_DIR/model.safetensors (with
`safetensors.numpy`), computes transformers' `BertForPreTraining` forward pass from its
formulas in float64 — post-LN encoder, tanh pooler, MLM head tied to the word embeddings,
`cls.seq_relationship` — and writes the logits. For a bare `BertModel` checkpoint (the
contrastive encoder: tensors without the `bert.` prefix and no heads) it writes the last hidden
states and the embeddings pooled as config.json's `pretext_pooling` says instead. Written
independently of the Swift code, so that the tests comparing the two
(Tests/PretextTrainerTests/BERTReferenceTests.swift, ContrastiveReferenceTests.swift) check
the trainer against the definition, not against itself.

INPUTS.json: {"input_ids": [[id, ...], ...], "segment_ids": [[...], ...] (optional, default
0), "lengths": [n, ...] (optional, default the full width)}; rows padded to one width.
OUT.json: {"mlm_logits": [[[vocab floats] for each of the first n positions] per example],
"pair_logits": [[2 floats] per example] or null when the checkpoint has no
`cls.seq_relationship` (a BertForMaskedLM)}; for a BertModel: {"last_hidden_state": [[[H floats]
for each of the first n positions] per example], "pooled": [[H floats] per example]}, pooled
as `pretext_pooling` says — "mean": the mean over the n real positions, "first": position 0.

Needs numpy and safetensors from PyPI (scripts/setup-python installs them).
"""

from __future__ import annotations

import json
import math
import sys

import numpy as np
from safetensors.numpy import load_file


def layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    """torch.nn.LayerNorm over the last axis: biased variance, eps inside the square root."""
    mean = x.mean(axis=-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + eps) * weight + bias


_erf = np.vectorize(math.erf)


def activation(name: str, x: np.ndarray) -> np.ndarray:
    """transformers' ACT2FN: "gelu" is the erf form, "gelu_new" the tanh approximation."""
    if name == "gelu":
        return 0.5 * x * (1.0 + _erf(x / math.sqrt(2.0)))
    if name in ("gelu_new", "gelu_pytorch_tanh"):
        return 0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x**3)))
    raise SystemExit(f"hidden_act {name!r} is not supported by this reference")


def linear(weights: dict, name: str, x: np.ndarray) -> np.ndarray:
    """nn.Linear: weight [out, in], y = x W^T + b."""
    return x @ weights[name + ".weight"].T + weights[name + ".bias"]


def self_attention(weights: dict, prefix: str, x: np.ndarray, keep: np.ndarray, heads: int) -> np.ndarray:
    """BertSelfAttention for one example x [L, H]; keep[j] says whether key j is real."""
    length, hidden = x.shape
    size = hidden // heads

    def split(t: np.ndarray) -> np.ndarray:
        return t.reshape(length, heads, size).transpose(1, 0, 2)  # [heads, L, size]

    q = split(linear(weights, prefix + "query", x))
    k = split(linear(weights, prefix + "key", x))
    v = split(linear(weights, prefix + "value", x))
    scores = q @ k.transpose(0, 2, 1) / math.sqrt(size)  # [heads, L, L]
    scores = np.where(keep[None, None, :], scores, -np.inf)
    scores = scores - scores.max(axis=-1, keepdims=True)
    probabilities = np.exp(scores)
    probabilities /= probabilities.sum(axis=-1, keepdims=True)
    context = probabilities @ v  # [heads, L, size]
    return context.transpose(1, 0, 2).reshape(length, hidden)


def encode(
    weights: dict, config: dict, ids: np.ndarray, segments: np.ndarray, length: int, prefix: str = "bert."
) -> np.ndarray:
    """BertModel's last hidden states [L, H] for one example with `length` real tokens; tensor
    names start with `prefix` ("bert." inside BertForPreTraining, "" in a bare BertModel)."""
    eps = config["layer_norm_eps"]
    width = ids.shape[0]
    x = (
        weights[prefix + "embeddings.word_embeddings.weight"][ids]
        + weights[prefix + "embeddings.position_embeddings.weight"][np.arange(width)]
        + weights[prefix + "embeddings.token_type_embeddings.weight"][segments]
    )
    norm = prefix + "embeddings.LayerNorm"
    x = layer_norm(x, weights[norm + ".weight"], weights[norm + ".bias"], eps)
    keep = np.arange(width) < length
    for n in range(config["num_hidden_layers"]):
        p = f"{prefix}encoder.layer.{n}."
        context = self_attention(weights, p + "attention.self.", x, keep, config["num_attention_heads"])
        x = layer_norm(
            linear(weights, p + "attention.output.dense", context) + x,
            weights[p + "attention.output.LayerNorm.weight"],
            weights[p + "attention.output.LayerNorm.bias"],
            eps,
        )
        inner = activation(config["hidden_act"], linear(weights, p + "intermediate.dense", x))
        x = layer_norm(
            linear(weights, p + "output.dense", inner) + x,
            weights[p + "output.LayerNorm.weight"],
            weights[p + "output.LayerNorm.bias"],
            eps,
        )
    return x


def mlm_logits(weights: dict, config: dict, hidden: np.ndarray) -> np.ndarray:
    """BertLMPredictionHead: transform, then the tied decoder plus cls.predictions.bias."""
    t = activation(config["hidden_act"], linear(weights, "cls.predictions.transform.dense", hidden))
    t = layer_norm(
        t,
        weights["cls.predictions.transform.LayerNorm.weight"],
        weights["cls.predictions.transform.LayerNorm.bias"],
        config["layer_norm_eps"],
    )
    return t @ weights["bert.embeddings.word_embeddings.weight"].T + weights["cls.predictions.bias"]


def pair_logits(weights: dict, hidden: np.ndarray) -> np.ndarray:
    """BertPooler (tanh of dense of the first token) then cls.seq_relationship."""
    pooled = np.tanh(linear(weights, "bert.pooler.dense", hidden[0]))
    return linear(weights, "cls.seq_relationship", pooled)


def pool(config: dict, hidden: np.ndarray, length: int) -> np.ndarray:
    """The contrastive embedding: sentence-transformers' mean pooling over the real tokens, or
    the first token's state, as `pretext_pooling` says."""
    pooling = config.get("pretext_pooling", "mean")
    if pooling == "mean":
        return hidden[:length].mean(axis=0)
    if pooling == "first":
        return hidden[0]
    raise SystemExit(f"pretext_pooling {pooling!r} is not supported by this reference")


def main(arguments: list[str]) -> int:
    if len(arguments) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    directory, inputs_path, out_path = arguments
    with open(f"{directory}/config.json") as handle:
        config = json.load(handle)
    weights = {name: value.astype(np.float64) for name, value in load_file(f"{directory}/model.safetensors").items()}
    with open(inputs_path) as handle:
        inputs = json.load(handle)
    ids = np.asarray(inputs["input_ids"], dtype=np.int64)
    segments = np.asarray(inputs.get("segment_ids", np.zeros_like(ids)), dtype=np.int64)
    lengths = inputs.get("lengths", [ids.shape[1]] * ids.shape[0])
    if "embeddings.word_embeddings.weight" in weights:
        states: dict = {"last_hidden_state": [], "pooled": []}
        for row, length in enumerate(lengths):
            hidden = encode(weights, config, ids[row], segments[row], length, prefix="")
            states["last_hidden_state"].append(hidden[:length].tolist())
            states["pooled"].append(pool(config, hidden, length).tolist())
        with open(out_path, "w") as handle:
            json.dump(states, handle)
        return 0
    has_pair = "cls.seq_relationship.weight" in weights
    out: dict = {"mlm_logits": [], "pair_logits": [] if has_pair else None}
    for row, length in enumerate(lengths):
        hidden = encode(weights, config, ids[row], segments[row], length)
        out["mlm_logits"].append(mlm_logits(weights, config, hidden[:length]).tolist())
        if has_pair:
            out["pair_logits"].append(pair_logits(weights, hidden).tolist())
    with open(out_path, "w") as handle:
        json.dump(out, handle)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
