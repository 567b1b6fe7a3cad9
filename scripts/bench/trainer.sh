#!/usr/bin/env bash
# Trainer benchmark (issue 14): Pretext's training step against PyTorch eager on the same
# models and configuration (hidden 256, 4 layers, 4 heads, sequence 128, batch 32, vocabulary
# 8192; BERT MLM+NSP with 20 predictions per row, GPT-2 causal LM), both on the same threads,
# and against the OpenBLAS sgemm peak of this machine (model FLOP utilization). See
# docs/benchmarks.md, "Trainer (issue 14)".
#
# Usage: scripts/bench/trainer.sh [--steps N] [--threads T] [--no-build] [--no-pytorch]
# Environment: TORCH_PYTHON (default ../peers/streaming/bin/python next to the repository: a
# virtualenv with a CPU torch and transformers; see docs/benchmarks.md).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STEPS=10
THREADS="$(nproc)"
BUILD=1
PYTORCH=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --steps) STEPS="$2"; shift 2 ;;
        --threads) THREADS="$2"; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        --no-pytorch) PYTORCH=0; shift ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) echo "unknown argument $1" >&2; exit 64 ;;
    esac
done
TORCH_PYTHON="${TORCH_PYTHON:-$REPO/../peers/streaming/bin/python}"
tool="$REPO/Benchmarks/.build/release/pretext-trainer-throughput"
if [[ $BUILD == 1 ]]; then
    swift build --package-path "$REPO/Benchmarks" -c release --product pretext-trainer-throughput 2>&1 \
        | grep -E "error|Build complete" || true
fi
echo "load: $(uptime)"
echo -e "run\ttokens/s\tmodel GFLOP/s\tsgemm peak GFLOP/s\tMFU\tpeak RSS MiB"
"$tool" --steps "$STEPS" --threads "$THREADS"
if [[ $PYTORCH == 1 ]]; then
    "$TORCH_PYTHON" -c "import torch, transformers; print('# torch', torch.__version__, 'transformers', transformers.__version__)"
    "$TORCH_PYTHON" "$REPO/scripts/bench/trainer_peer.py" --steps "$STEPS" --threads "$THREADS" 2>/dev/null \
        | awk -F'\t' '{print $1 "\t" $2 "\t\t\t\t" $3}'
fi
echo "load after: $(uptime)"
