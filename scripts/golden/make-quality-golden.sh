#!/bin/sh
# Regenerates fixtures/golden/quality-en.jsonl and spacy-en-tokens.jsonl with datatrove.
# DATATROVE_PYTHON: the Python that has datatrove 0.10 installed
# (default: ../peers/datatrove/bin/python, relative to the repository root).
set -eu
cd "$(dirname "$0")/../.."
PY="${DATATROVE_PYTHON:-../peers/datatrove/bin/python}"
exec "$PY" scripts/golden/make-quality-golden.py "$@"
