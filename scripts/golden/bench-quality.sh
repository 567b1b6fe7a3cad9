#!/bin/sh
# Throughput of PretextQuality (release, one thread) and datatrove 0.10 on the golden documents.
# DATATROVE_PYTHON: Python with datatrove installed (default ../peers/datatrove/bin/python).
set -eu
cd "$(dirname "$0")/../.."
PY="${DATATROVE_PYTHON:-../peers/datatrove/bin/python}"
PRETEXT_QUALITY_BENCH=1 swift test -c release --scratch-path "${SCRATCH:-.build-quality}" \
    --filter 'PretextQualityTests.ThroughputHarness' 2>&1 | grep THROUGHPUT
"$PY" scripts/golden/make-quality-golden.py --time --out "$(mktemp -d)" 2>&1 | grep -E "MB/s|documents"
