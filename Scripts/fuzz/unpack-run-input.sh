#!/usr/bin/env bash
# Unpacks a whole-run fuzz input (Tests/TestSupport/FuzzRunInput.swift) into a directory and prints
# the options its layout byte stands for.
#
#   Scripts/fuzz/unpack-run-input.sh IN.fuzz DIR
set -euo pipefail
in=$1 dir=$2
kinds=(projects budget members attendance targets population)
mkdir -p "$dir"
python3 - "$in" "$dir" "${kinds[@]}" <<'PY'
import os, sys
data, out, kinds = open(sys.argv[1], 'rb').read(), sys.argv[2], sys.argv[3:]
if not data: sys.exit(0)
layout, parts = data[0], data[1:].split(b'\n@@\n')
for n, part in enumerate(parts):
    if not part: continue
    kind = kinds[n % 6]
    path = f'{kind}/x{n}.csv' if n >= 6 else f'{kind}/a.csv' if layout & (1 << n) else f'{kind}.csv'
    os.makedirs(os.path.dirname(os.path.join(out, path)) or out, exist_ok=True)
    open(os.path.join(out, path), 'wb').write(part)
    print(path, file=sys.stderr)
print(' '.join((['--dialect', 'excel-fi'] if layout & 64 else []) + ['--lang', 'fi' if layout & 128 else 'en']))
PY
