#!/usr/bin/env python3
"""Reference forward pass of a GPT-2 checkpoint (transformers' GPT2LMHeadModel), in numpy.

Usage:  python3 scripts/reference/gpt2_forward.py CHECKPOINT_DIR INPUTS.json OUT.json

Reads CHECKPOINT_DIR/config.json and CHECKPOINT_DIR/model.safetensors (with safetensors.numpy)
and computes, in float64 from the formulas of modeling_gpt2.py, the logits of every real
position of every row of INPUTS.json:

    {"input_ids": [[id, ...], ...],      one row per example, all rows of one length B
     "positions": [[p, ...], ...],       each token's position in its document (causal_lm)
     "length": [n, ...],                 real tokens per row; the rest is padding
     "document_attention": true}

With document_attention, position ids are `positions` and a token attends only to earlier
tokens of its own document (a document starts at each position 0); without it, position ids
are 0..B-1 and attention is plain causal. Padding keys are never attended to. Writes
{"logits": [[[float] * vocab] * length[r] for each row r]} to OUT.json.

Written from the formulas, independently of the Swift trainer, so that the Swift test that
runs it (GPT2ReferenceTests) checks the trainer against a second implementation. Needs numpy
and safetensors (scripts/setup-python installs them).
"""

from __future__ import annotations

import json
import math
import sys

import numpy as np
from safetensors.numpy import load_file


def layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    """nn.LayerNorm over the last axis: biased variance, eps inside the square root."""
    mean = x.mean(axis=-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + eps) * weight + bias


def gelu_new(x: np.ndarray) -> np.ndarray:
    """transformers' "gelu_new": the tanh approximation of GELU."""
    return 0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x**3)))


def allowed_keys(positions: list[int], length: int, document_attention: bool) -> np.ndarray:
    """allowed[i, j]: whether query i may attend to key j (causal, real, same document)."""
    size = len(positions)
    index = np.arange(size)
    allowed = (index[None, :] <= index[:, None]) & (index[None, :] < length)
    if document_attention:
        documents = np.cumsum(np.asarray(positions) == 0)
        allowed &= documents[None, :] == documents[:, None]
    return allowed


def attention(x: np.ndarray, tensors: dict, prefix: str, heads: int, allowed: np.ndarray) -> np.ndarray:
    """GPT2Attention on one row: Conv1D c_attn, q|k|v split, per-head softmax(qk^T/sqrt(d)), c_proj."""
    width = x.shape[-1]
    qkv = x @ tensors[prefix + "c_attn.weight"] + tensors[prefix + "c_attn.bias"]
    q, k, v = qkv[:, :width], qkv[:, width : 2 * width], qkv[:, 2 * width :]
    d = width // heads
    outputs = []
    for h in range(heads):
        columns = slice(h * d, (h + 1) * d)
        scores = q[:, columns] @ k[:, columns].T / math.sqrt(d)
        scores = np.where(allowed, scores, -np.inf)
        scores -= scores.max(axis=-1, keepdims=True)
        weights = np.exp(scores)
        weights /= weights.sum(axis=-1, keepdims=True)
        outputs.append(weights @ v[:, columns])
    merged = np.concatenate(outputs, axis=-1)
    return merged @ tensors[prefix + "c_proj.weight"] + tensors[prefix + "c_proj.bias"]


def row_logits(ids, positions, length, document_attention, tensors, config) -> np.ndarray:
    """The logits of the first `length` positions of one row."""
    if length == 0:
        return np.zeros((0, config["vocab_size"]))
    ids, positions = list(ids)[:length], list(positions)[:length]
    eps, heads = config["layer_norm_epsilon"], config["n_head"]
    position_ids = positions if document_attention else list(range(length))
    h = tensors["transformer.wte.weight"][ids] + tensors["transformer.wpe.weight"][position_ids]
    allowed = allowed_keys(positions, length, document_attention)
    for n in range(config["n_layer"]):
        p = f"transformer.h.{n}."
        a = layer_norm(h, tensors[p + "ln_1.weight"], tensors[p + "ln_1.bias"], eps)
        h = h + attention(a, tensors, p + "attn.", heads, allowed)
        m = layer_norm(h, tensors[p + "ln_2.weight"], tensors[p + "ln_2.bias"], eps)
        inner = gelu_new(m @ tensors[p + "mlp.c_fc.weight"] + tensors[p + "mlp.c_fc.bias"])
        h = h + inner @ tensors[p + "mlp.c_proj.weight"] + tensors[p + "mlp.c_proj.bias"]
    h = layer_norm(h, tensors["transformer.ln_f.weight"], tensors["transformer.ln_f.bias"], eps)
    return h @ tensors["transformer.wte.weight"].T


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    directory, inputs_path, out_path = sys.argv[1:]
    with open(f"{directory}/config.json") as handle:
        config = json.load(handle)
    tensors = {name: value.astype(np.float64) for name, value in load_file(f"{directory}/model.safetensors").items()}
    with open(inputs_path) as handle:
        inputs = json.load(handle)
    rows = zip(inputs["input_ids"], inputs["positions"], inputs["length"])
    logits = [
        row_logits(ids, positions, length, inputs["document_attention"], tensors, config).tolist()
        for ids, positions, length in rows
    ]
    with open(out_path, "w") as handle:
        json.dump({"logits": logits}, handle)
    return 0


if __name__ == "__main__":
    sys.exit(main())
