#!/usr/bin/env python3
"""PyTorch eager beside Pretext's trainer (scripts/bench/trainer.sh, issue 14): the same models
(transformers' BertForPreTraining and GPT2LMHeadModel, dropout 0), the same configuration
(hidden 256, 4 layers, 4 heads, sequence 128, batch 32, vocabulary 8192), the same step
(forward, backward, clip_grad_norm_ 1.0, AdamW) on random ids, the same threads.

    python scripts/bench/trainer_peer.py [--steps N] [--threads T] [--model bert|gpt2]

Prints one tab-separated line per model: name, tokens/s, peak RSS (MiB). BERT's labels are -100
except 20 positions per row, as Pretext's records hold (transformers still computes the MLM
head on every position; that is its implementation of the task).
"""

from __future__ import annotations

import argparse
import resource
import time

import torch
import transformers

HIDDEN, LAYERS, HEADS, SEQUENCE, BATCH, VOCABULARY, PREDICTIONS = 256, 4, 4, 128, 32, 8192, 20


def bert_step_inputs(generator: torch.Generator) -> dict:
    ids = torch.randint(1, VOCABULARY, (BATCH, SEQUENCE), generator=generator)
    labels = torch.full((BATCH, SEQUENCE), -100)
    positions = torch.arange(PREDICTIONS) * 6 + 1
    labels[:, positions] = ids[:, positions]
    segments = (torch.arange(SEQUENCE) >= 64).long().expand(BATCH, SEQUENCE)
    return {
        "input_ids": ids, "token_type_ids": segments, "attention_mask": torch.ones_like(ids),
        "labels": labels, "next_sentence_label": torch.arange(BATCH) % 2,
    }


def gpt2_step_inputs(generator: torch.Generator) -> dict:
    ids = torch.randint(1, VOCABULARY, (BATCH, SEQUENCE), generator=generator)
    return {"input_ids": ids, "attention_mask": torch.ones_like(ids), "labels": ids}


def build(name: str) -> torch.nn.Module:
    if name == "bert":
        config = transformers.BertConfig(
            vocab_size=VOCABULARY, hidden_size=HIDDEN, num_hidden_layers=LAYERS, num_attention_heads=HEADS,
            intermediate_size=4 * HIDDEN, max_position_embeddings=SEQUENCE, hidden_dropout_prob=0.0,
            attention_probs_dropout_prob=0.0)
        return transformers.BertForPreTraining(config)
    config = transformers.GPT2Config(
        vocab_size=VOCABULARY, n_embd=HIDDEN, n_layer=LAYERS, n_head=HEADS, n_positions=SEQUENCE,
        resid_pdrop=0.0, embd_pdrop=0.0, attn_pdrop=0.0)
    return transformers.GPT2LMHeadModel(config)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--model", choices=["bert", "gpt2"], action="append")
    arguments = parser.parse_args()
    torch.set_num_threads(arguments.threads)
    torch.manual_seed(0)
    for name in arguments.model or ["bert", "gpt2"]:
        model = build(name)
        model.train()
        optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4, weight_decay=0.01)
        generator = torch.Generator().manual_seed(7)
        make = bert_step_inputs if name == "bert" else gpt2_step_inputs
        batches = [make(generator) for _ in range(3)]

        def step(index: int) -> None:
            optimizer.zero_grad(set_to_none=True)
            loss = model(**batches[index % len(batches)]).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()

        step(0)
        start = time.perf_counter()
        for index in range(arguments.steps):
            step(index)
        elapsed = time.perf_counter() - start
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(f"pytorch-{name}\t{arguments.steps * BATCH * SEQUENCE / elapsed:.0f}\t{rss}")


if __name__ == "__main__":
    main()
