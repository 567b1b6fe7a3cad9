#!/usr/bin/env python3
"""Load a safetensors file with the reference `safetensors` library and print what it holds.

Usage:  python3 scripts/check-safetensors.py FILE [FILE ...]

Prints the `__metadata__` and one line per tensor (name, dtype, shape, sum of values) in name
order, and exits non-zero when a file is refused, holds no `"format": "pt"` (transformers'
`from_pretrained` requires it), or holds a non-finite value. Needs `safetensors` and `numpy`
from PyPI; not run by `swift test` (CI will run it on a checkpoint the trainer writes).
"""

from __future__ import annotations

import sys

import numpy
from safetensors import safe_open


def check(path: str) -> bool:
    """Prints the contents of one file; returns whether it passed every check."""
    ok = True
    with safe_open(path, framework="numpy") as handle:
        metadata = handle.metadata() or {}
        print(f"{path}: metadata {dict(sorted(metadata.items()))}")
        if metadata.get("format") != "pt":
            print(f"{path}: __metadata__ lacks \"format\": \"pt\"", file=sys.stderr)
            ok = False
        for name in sorted(handle.keys()):
            tensor = handle.get_tensor(name)
            print(f"  {name}\t{tensor.dtype}\t{list(tensor.shape)}\tsum {float(tensor.sum(dtype=numpy.float64)):.6g}")
            if not numpy.isfinite(tensor).all():
                print(f"{path}: tensor {name} holds a non-finite value", file=sys.stderr)
                ok = False
    return ok


def main(arguments: list[str]) -> int:
    if not arguments:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    results = [check(path) for path in arguments]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
