#!/usr/bin/env bash
# CSV layer benchmark (issue 2.6): our reader tokenising a ~1 GB attendance-like file, and tokenising
# plus parsing every field of it (dates, counts, municipality references, interned texts), next to
# `wc -l` and `cat` on the same file. Single-threaded, pinned to one core when taskset exists.
#
#   Scripts/bench-csv.sh              # SIZE_MB=1000 RUNS=3 by default
#   SIZE_MB=200 RUNS=5 Scripts/bench-csv.sh
#
# Generated data lives in Scripts/.bench/ (git-ignored); the build in .build-perf/.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MB=${SIZE_MB:-1000}
RUNS=${RUNS:-3}
BENCH=Scripts/.bench
DATA=$BENCH/csv-$SIZE_MB
FILE=$DATA/attendance/big.csv
BIN=.build-perf/release/csv-bench

if [[ ! -x /usr/bin/time ]]; then
    echo "installing GNU time (for peak RSS)" >&2
    apt-get update -qq >/dev/null && apt-get install -y -qq time >/dev/null
fi
PIN=()
if command -v taskset >/dev/null; then PIN=(taskset -c 0); fi

swift build -c release --scratch-path .build-perf --product csv-bench >&2

if [[ ! -s $FILE ]]; then
    echo "generating $FILE (~$SIZE_MB MB)" >&2
    mkdir -p "$BENCH"
    "$BIN" gen-csv "$DATA" "$SIZE_MB" >/dev/null
fi
BYTES=$(stat -c %s "$FILE")
cat "$FILE" >/dev/null   # every timing below reads from the page cache

# measure NAME OUT CMD...: runs CMD $RUNS times with stdout to OUT; sets MEDIAN (seconds) and RSS
# (KB, max over runs).
measure() {
    local name=$1 out=$2; shift 2
    local times=() rss=0 start end kb
    for ((i = 0; i < RUNS; i++)); do
        start=$(date +%s%N)
        /usr/bin/time -f %M -o "$BENCH/time.out" "$@" >"$out"
        end=$(date +%s%N)
        times+=("$(( (end - start) / 1000 ))")
        kb=$(tail -n 1 "$BENCH/time.out")
        (( kb > rss )) && rss=$kb
    done
    MEDIAN=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p" | awk '{printf "%.3f", $1 / 1e6}')
    RSS=$rss
}

declare -A T R
measure cat /dev/null cat "$FILE";                                        T[cat]=$MEDIAN; R[cat]=$RSS
measure wc /dev/null wc -l "$FILE";                                       T[wc]=$MEDIAN;  R[wc]=$RSS
measure tokenize "$BENCH/tokenize.out" "${PIN[@]}" "$BIN" tokenize "$FILE"; T[tokenize]=$MEDIAN; R[tokenize]=$RSS
measure parse "$BENCH/parse.out" "${PIN[@]}" "$BIN" parse "$DATA";          T[parse]=$MEDIAN; R[parse]=$RSS

echo
echo "file: $FILE, $(awk -v b="$BYTES" 'BEGIN { printf "%.0f MB", b / 1e6 }'), $(wc -l <"$FILE") lines; $(cat "$BENCH/tokenize.out")"
echo "median of $RUNS runs, page cache warm, ${PIN[*]:-no pinning}; MB = 10^6 bytes"
printf '%-26s %9s %10s %10s %10s %12s\n' "" "seconds" "MB/s" "× cat" "× wc -l" "peak RSS MB"
for k in cat wc tokenize parse; do
    case $k in
        cat) label="cat >/dev/null" ;;
        wc) label="wc -l" ;;
        tokenize) label="csv-bench tokenize" ;;
        parse) label="csv-bench parse" ;;
    esac
    awk -v l="$label" -v t="${T[$k]}" -v b="$BYTES" -v c="${T[cat]}" -v w="${T[wc]}" -v r="${R[$k]}" 'BEGIN {
        printf "%-26s %9.3f %10.0f %10.1f %10.1f %12.1f\n", l, t, b / 1e6 / t, t / c, t / w, r / 1024 }'
done
awk -v t="${T[tokenize]}" -v p="${T[parse]}" -v b="$BYTES" -v r1="${R[tokenize]}" -v r2="${R[parse]}" 'BEGIN {
    printf "\ntargets (one core): tokenise >= 500 MB/s: %s; tokenise+parse >= 250 MB/s: %s; peak RSS < 64 MB: %s\n",
        (b / 1e6 / t >= 500 ? "met" : "NOT met"), (b / 1e6 / p >= 250 ? "met" : "NOT met"),
        (r1 < 65536 && r2 < 65536 ? "met" : "NOT met") }'
