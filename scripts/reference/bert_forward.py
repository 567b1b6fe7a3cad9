#!/usr/bin/env python3
"""Reference forward pass of a BERT, RoBERTa or ALBERT checkpoint written by Pretext's trainer,
in numpy.

Usage:  python3 scripts/reference/bert_forward.py CHECKPOINT_DIR INPUTS.json OUT.json

Reads CHECKPOINT_DIR/config.json and CHECKPOINT_DIR/model.safetensors (with
`safetensors.numpy`), computes transformers' forward pass from its formulas in float64 —
post-LN encoder, tanh pooler, MLM head tied to the word embeddings, pair head — and writes the
logits. For a bare `BertModel` checkpoint (the contrastive encoder: tensors without the `bert.`
prefix and no heads) it writes the last hidden states and the embeddings pooled as
config.json's `pretext_pooling` says instead. `model_type` picks the family (modeling_bert.py,
modeling_roberta.py, modeling_albert.py):

- bert: `BertForPreTraining` / `BertForMaskedLM`.
- roberta: `RobertaForMaskedLM` — BERT's layers under `roberta.`, position ids
  `create_position_ids_from_input_ids` (pad + rank among the non-pad tokens, pad for pad
  tokens), head `lm_head.{dense,layer_norm,bias}` with the erf GELU whatever `hidden_act` says.
- albert: `AlbertForPreTraining` / `AlbertForMaskedLM` — embeddings of `embedding_size`, then
  `albert.encoder.embedding_hidden_mapping_in`, then the one layer of
  `albert_layer_groups.0.albert_layers.0` applied `num_hidden_layers` times, pooler
  `albert.pooler`, head `predictions.{dense,LayerNorm,bias}`, `sop_classifier.classifier`.

Written independently of the Swift code, so that the tests comparing the two
(Tests/PretextTrainerTests/BERTReferenceTests.swift, ContrastiveReferenceTests.swift) check the
trainer against the definition, not against itself.

INPUTS.json: {"input_ids": [[id, ...], ...], "segment_ids": [[...], ...] (optional, default
0), "lengths": [n, ...] (optional, default the full width)}; rows padded to one width.
OUT.json: {"mlm_logits": [[[vocab floats] for each of the first n positions] per example],
"pair_logits": [[2 floats] per example] or null when the checkpoint has no pair head (a
*ForMaskedLM)}; for a BertModel: {"last_hidden_state": [[[H floats] for each of the first n
positions] per example], "pooled": [[H floats] per example]}, pooled as `pretext_pooling` says —
"mean": the mean over the n real positions, "first": position 0.

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


def self_attention(weights: dict, names: dict, x: np.ndarray, keep: np.ndarray, heads: int) -> np.ndarray:
    """Self-attention for one example x [L, H]; names[query|key|value] name the projections,
    keep[j] says whether key j is real."""
    length, hidden = x.shape
    size = hidden // heads

    def split(t: np.ndarray) -> np.ndarray:
        return t.reshape(length, heads, size).transpose(1, 0, 2)  # [heads, L, size]

    q = split(linear(weights, names["query"], x))
    k = split(linear(weights, names["key"], x))
    v = split(linear(weights, names["value"], x))
    scores = q @ k.transpose(0, 2, 1) / math.sqrt(size)  # [heads, L, L]
    scores = np.where(keep[None, None, :], scores, -np.inf)
    scores = scores - scores.max(axis=-1, keepdims=True)
    probabilities = np.exp(scores)
    probabilities /= probabilities.sum(axis=-1, keepdims=True)
    context = probabilities @ v  # [heads, L, size]
    return context.transpose(1, 0, 2).reshape(length, hidden)


# Each family's module names (transformers' attribute paths); the base model's (layer, pooler)
# follow its prefix: "bert." etc. inside a model with heads, "" in a bare BertModel.
NAMES = {
    "bert": {
        "layer": lambda n: f"encoder.layer.{n}.",
        "query": "attention.self.query", "key": "attention.self.key", "value": "attention.self.value",
        "attention_output": "attention.output.dense", "attention_norm": "attention.output.LayerNorm",
        "intermediate": "intermediate.dense", "output": "output.dense", "output_norm": "output.LayerNorm",
        "mlm_dense": "cls.predictions.transform.dense", "mlm_norm": "cls.predictions.transform.LayerNorm",
        "mlm_bias": "cls.predictions.bias", "pooler": "pooler.dense", "pair": "cls.seq_relationship",
    },
    "albert": {
        "layer": lambda n: "encoder.albert_layer_groups.0.albert_layers.0.",
        "query": "attention.query", "key": "attention.key", "value": "attention.value",
        "attention_output": "attention.dense", "attention_norm": "attention.LayerNorm",
        "intermediate": "ffn", "output": "ffn_output", "output_norm": "full_layer_layer_norm",
        "mlm_dense": "predictions.dense", "mlm_norm": "predictions.LayerNorm",
        "mlm_bias": "predictions.bias", "pooler": "pooler", "pair": "sop_classifier.classifier",
    },
}
NAMES["roberta"] = dict(
    NAMES["bert"],
    mlm_dense="lm_head.dense",
    mlm_norm="lm_head.layer_norm",
    mlm_bias="lm_head.bias",
)


def position_ids(config: dict, ids: np.ndarray) -> np.ndarray:
    """BERT/ALBERT: 0..L-1. RoBERTa: create_position_ids_from_input_ids (padding_idx = pad id)."""
    if config["model_type"] != "roberta":
        return np.arange(ids.shape[0])
    pad = config["pad_token_id"]
    real = (ids != pad).astype(np.int64)
    return np.cumsum(real) * real + pad


def encode(
    weights: dict, config: dict, ids: np.ndarray, segments: np.ndarray, length: int, base: str
) -> np.ndarray:
    """The base model's last hidden states [L, H] for one example with `length` real tokens;
    tensor names start with `base` ("bert." etc. inside a model with heads, "" in a bare model)."""
    eps = config["layer_norm_eps"]
    kind = config["model_type"]
    names = NAMES[kind]
    width = ids.shape[0]
    e = base + "embeddings."
    x = (
        weights[e + "word_embeddings.weight"][ids]
        + weights[e + "position_embeddings.weight"][position_ids(config, ids)]
        + weights[e + "token_type_embeddings.weight"][segments]
    )
    x = layer_norm(x, weights[e + "LayerNorm.weight"], weights[e + "LayerNorm.bias"], eps)
    if kind == "albert":
        x = linear(weights, base + "encoder.embedding_hidden_mapping_in", x)
    keep = np.arange(width) < length
    for n in range(config["num_hidden_layers"]):
        p = base + names["layer"](n)
        attention = {part: p + names[part] for part in ("query", "key", "value")}
        context = self_attention(weights, attention, x, keep, config["num_attention_heads"])
        x = layer_norm(
            linear(weights, p + names["attention_output"], context) + x,
            weights[p + names["attention_norm"] + ".weight"],
            weights[p + names["attention_norm"] + ".bias"],
            eps,
        )
        inner = activation(config["hidden_act"], linear(weights, p + names["intermediate"], x))
        x = layer_norm(
            linear(weights, p + names["output"], inner) + x,
            weights[p + names["output_norm"] + ".weight"],
            weights[p + names["output_norm"] + ".bias"],
            eps,
        )
    return x


def mlm_logits(weights: dict, config: dict, hidden: np.ndarray) -> np.ndarray:
    """The MLM head: transform (dense, activation, LayerNorm), then the tied decoder plus bias."""
    kind = config["model_type"]
    names = NAMES[kind]
    act = "gelu" if kind == "roberta" else config["hidden_act"]  # RobertaLMHead calls gelu
    t = activation(act, linear(weights, names["mlm_dense"], hidden))
    t = layer_norm(
        t, weights[names["mlm_norm"] + ".weight"], weights[names["mlm_norm"] + ".bias"], config["layer_norm_eps"]
    )
    return t @ weights[f"{kind}.embeddings.word_embeddings.weight"].T + weights[names["mlm_bias"]]


def pair_logits(weights: dict, config: dict, hidden: np.ndarray) -> np.ndarray:
    """The pooler (tanh of dense of the first token) then the pair head."""
    names = NAMES[config["model_type"]]
    pooled = np.tanh(linear(weights, config["model_type"] + "." + names["pooler"], hidden[0]))
    return linear(weights, names["pair"], pooled)


def pool(config: dict, hidden: np.ndarray, length: int) -> np.ndarray:
    """The contrastive embedding: sentence-transformers' mean pooling over the real tokens, or
    the first token's state, as `pretext_pooling` says."""
    pooling = config.get("pretext_pooling", "mean")
    if pooling == "mean":
        return hidden[:length].mean(axis=0)
    if pooling == "first":
        return hidden[0]
    raise SystemExit(f"pretext_pooling {pooling!r} is not supported by this reference")


def base_model_states(weights: dict, config: dict, ids, segments, lengths) -> dict:
    """A bare BertModel's last hidden states and pooled embeddings (no prefix, no heads)."""
    states: dict = {"last_hidden_state": [], "pooled": []}
    for row, length in enumerate(lengths):
        hidden = encode(weights, config, ids[row], segments[row], length, base="")
        states["last_hidden_state"].append(hidden[:length].tolist())
        states["pooled"].append(pool(config, hidden, length).tolist())
    return states


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
        with open(out_path, "w") as handle:
            json.dump(base_model_states(weights, config, ids, segments, lengths), handle)
        return 0
    has_pair = NAMES[config["model_type"]]["pair"] + ".weight" in weights
    out: dict = {"mlm_logits": [], "pair_logits": [] if has_pair else None}
    for row, length in enumerate(lengths):
        hidden = encode(weights, config, ids[row], segments[row], length, base=config["model_type"] + ".")
        out["mlm_logits"].append(mlm_logits(weights, config, hidden[:length]).tolist())
        if has_pair:
            out["pair_logits"].append(pair_logits(weights, config, hidden).tolist())
    with open(out_path, "w") as handle:
        json.dump(out, handle)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
