#!/usr/bin/env bash
# Runs the differential test (Tests/DifferentialTests) over N generated input sets: the built
# grantstats binary against the plain reference implementation, byte for byte on every CSV output
# and on the exit code. Stops at the first differing seed, prints the file and line that differ and
# where its inputs are kept.
#
#   Scripts/differential.sh N [START]     seeds START ..< START+N (START defaults to 0)
#
# Replay one seed (its inputs are regenerated, byte for byte, from the seed):
#   Scripts/differential.sh 1 SEED
#   DIFFERENTIAL_SEEDS=SEED:1 swift test --filter DifferentialTests
#
# Environment:
#   DIFFERENTIAL_FEATURES=all            also generate what KnownDrift switches off (known product
#                                        bugs), or a comma-separated list of GeneratorFeature names
#   DIFFERENTIAL_ALL_SEEDS=1             do not stop at the first difference
set -euo pipefail
cd "$(dirname "$0")/.."

count=${1:?usage: Scripts/differential.sh N [START]}
start=${2:-0}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

swift build --build-tests >/dev/null
stop=1
[[ "${DIFFERENTIAL_ALL_SEEDS:-}" == 1 ]] && stop=0
set +e
DIFFERENTIAL_SEEDS="$start:$count" DIFFERENTIAL_STOP_AT_FIRST=$stop \
    swift test --skip-build --filter DifferentialTests.DifferentialTests/testBinaryAgreesWithReference >"$log" 2>&1
status=$?
set -e
# The test's own lines: each difference (seed, file, line, kept inputs) and the closing count.
sed -n -e 's/^.*failed - //p' -e '/^  grantstats:\|^  reference:\|^inputs kept\|^replay:\|^differential:/p' "$log"
if [[ $status -ne 0 ]] && ! grep -q "failed - seed" "$log"; then
    tail -n 40 "$log"
fi
exit $status
