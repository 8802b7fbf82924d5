#!/usr/bin/env bash
# Fuzzes the CSV reader and the value parsers with libFuzzer (issue 2.5); not part of CI.
#
#   Scripts/fuzz.sh [seconds]          default 600
#
# Builds Sources/CSV and Sources/Model as modules instrumented for libFuzzer and AddressSanitizer,
# links Scripts/fuzz/FuzzReader.swift against them, and runs it for the given time. Everything goes
# to Scripts/.fuzz/ (git-ignored): the corpus grows there from run to run, seeded from every CSV
# file under Tests/Fixtures and Inputs. A crash or mismatch leaves its input in
# Scripts/.fuzz/artifacts/ and the script exits non-zero.
#
# Environment:
#   FUZZ_REV=<git revision>   fuzz that revision's Sources/CSV and Sources/Model, not the working tree
#   FUZZ_MAX_LEN=<bytes>      longest input (default 2048)
#   FUZZ_WORKERS=<n>          parallel fuzzing processes (libFuzzer -fork; default 1)
#   FUZZ_ARGS="..."           more libFuzzer options
#
# Replay or minimise an input with the binary this script builds:
#   Scripts/.fuzz/fuzz-reader Tests/Fixtures/fuzz/<file>
#   Scripts/.fuzz/fuzz-reader -minimize_crash=1 -runs=10000 <crash-file>
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-600}
out=Scripts/.fuzz
build=$out/build
swiftc=swiftc
command -v swiftc >/dev/null 2>&1 || swiftc=/opt/swift/usr/bin/swiftc

rm -rf "$build" "$out/seeds"
mkdir -p "$build" "$out/corpus" "$out/seeds" "$out/artifacts" "$out/tmp"

src=Sources
if [[ -n "${FUZZ_REV:-}" ]]; then
    rm -rf "$out/src" && mkdir -p "$out/src"
    git archive "$FUZZ_REV" Sources/CSV Sources/Model | tar -x -C "$out/src"
    src=$out/src/Sources
fi

flags=(-parse-as-library -O -g -sanitize=fuzzer,address -use-ld=lld)
echo "building from $src ..."
for module in CSV Model; do
    "$swiftc" "${flags[@]}" -swift-version 6 -wmo -emit-module -emit-object -module-name "$module" \
        -emit-module-path "$build/$module.swiftmodule" -o "$build/$module.o" "$src/$module"/*.swift
done
"$swiftc" "${flags[@]}" -I "$build" Scripts/fuzz/FuzzReader.swift "$build/CSV.o" "$build/Model.o" -o "$out/fuzz-reader"

while IFS= read -r -d '' f; do
    cp "$f" "$out/seeds/$(tr / _ <<<"$f")"
done < <(find Tests/Fixtures Inputs -type f -name '*.csv' -not -path 'Tests/Fixtures/fuzz/*' -print0)

options=(-max_total_time="$seconds" -max_len="${FUZZ_MAX_LEN:-2048}" -timeout=20
         -dict=Scripts/fuzz/csv.dict -artifact_prefix="$out/artifacts/" -print_final_stats=1)
if (( ${FUZZ_WORKERS:-1} > 1 )); then options+=(-fork="$FUZZ_WORKERS"); fi
# shellcheck disable=SC2206
options+=(${FUZZ_ARGS:-})

echo "fuzzing for $seconds s; log in $out/last-run.log"
# The Swift runtime's own crash backtracer does not get along with AddressSanitizer: libFuzzer reports.
status=0
SWIFT_BACKTRACE=enable=no TMPDIR=$out/tmp \
    "$out/fuzz-reader" "${options[@]}" "$out/corpus" "$out/seeds" 2>&1 | tee "$out/last-run.log" || status=$?
if (( status != 0 )); then
    echo "fuzz.sh: crash or mismatch (exit $status); inputs in $out/artifacts/" >&2
fi
exit "$status"
