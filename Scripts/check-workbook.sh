#!/usr/bin/env bash
# Reads OUTPUTS/grantstats.xlsx with tools that are not ours and compares it with the CSVs beside it
# (csv dialect): python's zipfile test, LibreOffice headless converting every sheet back to CSV (cells
# equal; numbers may lose trailing zeros, `80000` for `80000.00`, but never a leading zero), and
# openpyxl (numeric cells, formats, frozen and filtered header). Tools that are missing are skipped;
# openpyxl goes into Scripts/.venv, never into the product.
#
#   Scripts/check-workbook.sh [OUTPUTS]        # default Outputs
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$(cd "${1:-Outputs}" && pwd)
BOOK="$OUT/grantstats.xlsx"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

echo "== python3 -m zipfile -t"
python3 -m zipfile -t "$BOOK"

if command -v soffice >/dev/null; then
  echo "== LibreOffice: every sheet back to CSV"
  # Token 12 = -1: every sheet to its own file, grantstats-SHEET.csv.
  soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
    --outdir "$TMP" "$BOOK" >/dev/null 2>&1
  python3 - "$TMP" "$OUT" <<'PY'
import csv, sys
from decimal import Decimal, InvalidOperation
converted, outputs = sys.argv[1], sys.argv[2]
def number(x):
    try: return Decimal(x)
    except InvalidOperation: return None
cells = differences = 0
for table in ["cost_shares", "municipal_shares", "participation", "participation_totals", "coverage", "progress", "rejected"]:
    a = list(csv.reader(open(f"{converted}/grantstats-{table}.csv", encoding="utf-8", newline="")))
    b = list(csv.reader(open(f"{outputs}/{table}.csv", encoding="utf-8", newline="")))
    if len(a) != len(b):
        print(f"{table}: {len(a)} rows read back, {len(b)} in the CSV"); differences += 1; continue
    for i, (x_row, y_row) in enumerate(zip(a, b)):
        x_row = x_row + [""] * (len(y_row) - len(x_row))
        for j, (x, y) in enumerate(zip(x_row, y_row)):
            cells += 1
            same_number = number(x) is not None and number(x) == number(y) and not (len(y) > 1 and y[0] == "0" and y[1].isdigit())
            if x != y and not same_number:
                differences += 1
                print(f"{table} line {i + 1} {b[0][j]}: {x!r} read back, {y!r} in the CSV")
print(f"{cells} cells, {differences} differences")
sys.exit(1 if differences else 0)
PY
else
  echo "== LibreOffice: soffice not installed, skipped"
fi

VENV=Scripts/.venv
if [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV" >/dev/null 2>&1; then
  "$VENV/bin/python" -c 'import openpyxl' 2>/dev/null || "$VENV/bin/pip" install -q openpyxl
  echo "== openpyxl: value types and formats per column"
  "$VENV/bin/python" - "$BOOK" <<'PY'
import collections, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
for sheet in book.worksheets:
    header = [c.value for c in sheet[1]]
    kinds = collections.defaultdict(collections.Counter)
    for row in sheet.iter_rows(min_row=2):
        for name, cell in zip(header, row):
            if cell.value is not None: kinds[name][f"{type(cell.value).__name__} {cell.number_format}"] += 1
    print(f"{sheet.title}: {sheet.max_row - 1} rows, frozen at {sheet.freeze_panes}, filter {sheet.auto_filter.ref}, "
          f"header bold: {all(c.font.b for c in sheet[1])}")
    for name in header:
        print(f"    {name}: " + ", ".join(f"{k} ×{n}" for k, n in kinds[name].items()))
PY
fi
