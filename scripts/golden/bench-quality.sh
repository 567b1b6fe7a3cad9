#!/usr/bin/env bash
# Quality-rule throughput on the golden documents (release build), for docs/stages/quality.md.
# Prints figures; asserts nothing. datatrove's figures come from make-quality-golden.py --bench.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift run --package-path Benchmarks -c release pretext-quality-throughput 2>&1 | grep THROUGHPUT
