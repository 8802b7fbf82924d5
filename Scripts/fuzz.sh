#!/usr/bin/env bash
# Fuzzes grantstats with libFuzzer; not part of CI. Two targets:
#
#   Scripts/fuzz.sh [seconds]              the CSV reader and the value parsers (issue 2.5), default 600 s
#   Scripts/fuzz.sh run [seconds]          a whole run on a small input directory (issue 10)
#
# reader: builds Sources/CSV and Sources/Model as modules instrumented for libFuzzer and
# AddressSanitizer, links Scripts/fuzz/FuzzReader.swift against them, and runs it for the given
# time, seeded from every CSV file under Tests/Fixtures and Inputs.
# run: builds every stage the same way (CSV, Model, Ingest, Analysis, Report, Pipeline, in
# dependency order), links Scripts/fuzz/FuzzRun.swift, and seeds it with input directories
# (Inputs, Tests/EndToEndTests/Cases/*/inputs, the reference population files) packed into the
# target's one-file form (see FuzzRun.swift; Scripts/fuzz/pack-run-input.sh packs a directory).
#
# Everything goes to Scripts/.fuzz/ (git-ignored): the corpus grows there from run to run
# (corpus/ for the reader, corpus-run/ for the run). A crash or mismatch leaves its input in
# Scripts/.fuzz/artifacts/ (artifacts-run/) and the script exits non-zero.
#
# Environment:
#   FUZZ_REV=<git revision>   fuzz that revision's Sources, not the working tree
#   FUZZ_MAX_LEN=<bytes>      longest input (default 2048 for reader, 8192 for run)
#   FUZZ_WORKERS=<n>          parallel fuzzing processes (libFuzzer -fork; default 1)
#   FUZZ_KEEP_GOING=1         go on after a crash until the time is used up, collecting them all
#   FUZZ_ARGS="..."           more libFuzzer options
#
# Replay or minimise an input with the binary this script builds:
#   Scripts/.fuzz/fuzz-reader Tests/Fixtures/fuzz/<file>
#   Scripts/.fuzz/fuzz-reader -minimize_crash=1 -runs=10000 <crash-file>
#   FUZZ_DUMP=1 Scripts/.fuzz/fuzz-run Tests/Fixtures/fuzz/run/<case>.fuzz
#   Scripts/fuzz/unpack-run-input.sh Scripts/.fuzz/artifacts-run/<crash> /tmp/case   (a directory again)
# A crash of the run target is put under Tests/Fixtures/fuzz/run/ and listed in
# Tests/PipelineTests/FuzzReproducerTests.swift.
set -euo pipefail
cd "$(dirname "$0")/.."

target=reader
if [[ "${1:-}" == run || "${1:-}" == reader ]]; then target=$1; shift; fi
seconds=${1:-600}
out=Scripts/.fuzz
build=$out/build-$target
swiftc=swiftc
command -v swiftc >/dev/null 2>&1 || swiftc=/opt/swift/usr/bin/swiftc

if [[ $target == run ]]; then
    modules=(CSV Model Ingest Analysis Report Pipeline)
    source_file="Scripts/fuzz/FuzzRun.swift Tests/TestSupport/FuzzRunInput.swift" binary=$out/fuzz-run seeds=$out/seeds-run
    corpus=$out/corpus-run artifacts=$out/artifacts-run max_len=${FUZZ_MAX_LEN:-8192}
    dicts=(Scripts/fuzz/csv.dict Scripts/fuzz/run.dict)
    # Leak checks re-run an input whenever mallocs and frees differ (caches do): a tenth of the time.
    # At exit LeakSanitizer blames the Data buffers this target reads back (a plain program reading
    # files the same way shows no leak): not the product, and it would fail the session.
    extra_options=(-detect_leaks=0)
    export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
else
    modules=(CSV Model)
    source_file=Scripts/fuzz/FuzzReader.swift binary=$out/fuzz-reader seeds=$out/seeds
    corpus=$out/corpus artifacts=$out/artifacts max_len=${FUZZ_MAX_LEN:-2048}
    dicts=(Scripts/fuzz/csv.dict)
    extra_options=()
fi

rm -rf "$build" "$seeds"
mkdir -p "$build" "$corpus" "$seeds" "$artifacts" "$out/tmp"

src=Sources
if [[ -n "${FUZZ_REV:-}" ]]; then
    rm -rf "$out/src" && mkdir -p "$out/src"
    git archive "$FUZZ_REV" "${modules[@]/#/Sources/}" | tar -x -C "$out/src"
    src=$out/src/Sources
fi

flags=(-parse-as-library -O -g -sanitize=fuzzer,address -use-ld=lld)
echo "building $target from $src ..."
objects=()
for module in "${modules[@]}"; do
    "$swiftc" "${flags[@]}" -swift-version 6 -wmo -emit-module -emit-object -module-name "$module" -I "$build" \
        -emit-module-path "$build/$module.swiftmodule" -o "$build/$module.o" "$src/$module"/*.swift
    objects+=("$build/$module.o")
done
# shellcheck disable=SC2086
"$swiftc" "${flags[@]}" -I "$build" $source_file "${objects[@]}" -o "$binary"

if [[ $target == run ]]; then
    pack=Scripts/fuzz/pack-run-input.sh
    "$pack" Inputs "$seeds/Inputs.fuzz" 40
    for dir in Tests/EndToEndTests/Cases/*/inputs; do
        name=$(basename "$(dirname "$dir")")
        "$pack" "$dir" "$seeds/$name.fuzz" 40
        # The same directory written for excel-fi in Finnish.
        "$pack" "$dir" "$seeds/$name-excel-fi.fuzz" 40 192
    done
    # Population: the reference as a long-layout file (a sample of municipalities, with those the
    # other seeds name), and the head of the PxWeb export; each beside coverage-and-progress.
    case=Tests/EndToEndTests/Cases/coverage-and-progress/inputs
    for layout in long pxweb; do
        tmp=$(mktemp -d "$out/tmp/seed.XXXXXX")
        cp "$case"/*.csv "$tmp"/
        if [[ $layout == long ]]; then
            awk -F';' -v OFS=, 'NR == 1 { print "municipality_code,municipality,name_sv,region_code,region,area,year,children,population"; next }
                NR % 9 == 2 || $2 ~ /^(Kuopio|Kajaani|Oulu|Varkaus|Äänekoski|Kotka|Hamina|Helsinki|Espoo|Joensuu|Mikkeli|Iisalmi)$/ {
                    print $1, $2, $3, $4, $5, $7, 2019, $11, $10 }' Tests/Fixtures/reference/municipalities_2021_population_2019.csv >"$tmp/population.csv"
        else
            head -n 60 Tests/Fixtures/reference/statfin_11re_2019_pxweb_export.csv >"$tmp/population.csv"
        fi
        "$pack" "$tmp" "$seeds/population-$layout.fuzz"
        rm -rf "$tmp"
    done
else
    while IFS= read -r -d '' f; do
        cp "$f" "$seeds/$(tr / _ <<<"$f")"
    done < <(find Tests/Fixtures Inputs -type f -name '*.csv' -not -path 'Tests/Fixtures/fuzz/*' -print0)
fi

dict=$out/$target.dict
cat "${dicts[@]}" >"$dict"
options=(-max_len="$max_len" -timeout=20 -dict="$dict" -artifact_prefix="$artifacts/" -print_final_stats=1 "${extra_options[@]}")
if (( ${FUZZ_WORKERS:-1} > 1 )); then options+=(-fork="$FUZZ_WORKERS"); fi
# shellcheck disable=SC2206
options+=(${FUZZ_ARGS:-})

echo "fuzzing $target for $seconds s; log in $out/last-$target.log"
# The Swift runtime's own crash backtracer does not get along with AddressSanitizer: libFuzzer reports.
# The run target writes and fsyncs a whole output directory per input: on tmpfs when there is one.
tmp=$out/tmp
if [[ $target == run && -d /dev/shm && -w /dev/shm ]]; then tmp=$(mktemp -d /dev/shm/grantstats-fuzz.XXXXXX); fi
# FUZZ_KEEP_GOING: after a crash, start again (the corpus kept) until the time is used up. This
# beats libFuzzer's -fork=1 -ignore_crashes=1 here, whose short jobs each replay their corpus first.
status=0 crashes=0 deadline=$((SECONDS + seconds))
: >"$out/last-$target.log"
while :; do
    left=$((deadline - SECONDS))
    (( left > 0 )) || break
    session=0
    SWIFT_BACKTRACE=enable=no TMPDIR=$tmp \
        "$binary" -max_total_time="$left" "${options[@]}" "$corpus" "$seeds" 2>&1 | tee -a "$out/last-$target.log" || session=$?
    (( session == 0 )) && break
    status=$session crashes=$((crashes + 1))
    [[ -n "${FUZZ_KEEP_GOING:-}" ]] && (( deadline > SECONDS )) || break
    echo "fuzz.sh: crash $crashes (exit $session); going on for $((deadline - SECONDS)) s" >&2
done
[[ $tmp == /dev/shm/* ]] && rm -rf "$tmp"
if (( status != 0 )); then
    echo "fuzz.sh: $crashes crash(es) or mismatch(es) (last exit $status); inputs in $artifacts/" >&2
fi
exit "$status"
