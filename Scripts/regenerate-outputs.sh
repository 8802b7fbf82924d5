#!/usr/bin/env bash
# Rewrites Outputs/ from the shipped Inputs/ (what ShippedOutputsTests compares against), and the
# golden files of the tests when asked: Scripts/regenerate-outputs.sh --goldens
set -euo pipefail
cd "$(dirname "$0")/.."
swift run -c release grantstats --quiet
if [ "${1:-}" = "--goldens" ]; then
  RECORD_GOLDEN=1 swift test >/dev/null 2>&1 || true
  swift test
fi
git status --short Outputs Tests
