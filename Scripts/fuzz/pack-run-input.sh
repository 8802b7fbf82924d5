#!/usr/bin/env bash
# Packs an input directory into the one-file form of Scripts/fuzz/FuzzRun.swift (a fuzz seed or a
# reproducer), keeping each file's first MAX_LINES lines.
#
#   Scripts/fuzz/pack-run-input.sh DIR OUT [MAX_LINES] [LAYOUT_BITS]
#
# LAYOUT_BITS is OR-ed into the layout byte: 64 excel-fi, 128 Finnish, 1…32 a kind's first file in
# its folder. Each kind's files are taken as a run reads them (KIND.csv, then KIND/*.csv by name).
set -euo pipefail
dir=$1 out=$2 max_lines=${3:-1000000} extra=${4:-0}
kinds=(projects budget members attendance targets population)

layout=$extra
declare -A part
last=-1
for k in "${!kinds[@]}"; do
    kind=${kinds[$k]}
    files=()
    [[ -f "$dir/$kind.csv" ]] && files+=("$dir/$kind.csv")
    if [[ -d "$dir/$kind" ]]; then
        while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$dir/$kind" -maxdepth 1 -type f -name '*.csv' ! -name '.*' -print0 | LC_ALL=C sort -z)
    fi
    (( ${#files[@]} )) || continue
    [[ -f "$dir/$kind.csv" ]] || layout=$(( layout | (1 << k) ))
    for j in "${!files[@]}"; do
        n=$(( j * 6 + k ))
        part[$n]=${files[$j]}
        (( n > last )) && last=$n
    done
done

{
    printf "\\$(printf '%03o' "$layout")"
    for (( n = 0; n <= last; n++ )); do
        (( n > 0 )) && printf '\n@@\n'
        if [[ -n "${part[$n]:-}" ]]; then
            # A file without its final line break keeps it that way (a separator follows).
            head -n "$max_lines" "${part[$n]}"
        fi
    done
} >"$out"
