#!/usr/bin/env bash
# Looks at report.html in a real browser (headless Chromium, installed from the system packages
# when missing): screenshots at 1280 px and 375 px wide, an A4 PDF, and three checks that fail
# the script:
#   1. no horizontal overflow at 375 px outside the table boxes (which scroll by design);
#   2. no JavaScript error, no console message and no failed or external resource;
#   3. the PDF is A4.
# Usage: Scripts/check-report.sh [report.html] [output folder]   (defaults: Outputs/report.html,
# .build/check-report). Exit 0 when all checks pass, 1 otherwise.
#
# How overflow is measured, and why this way: the report has no script and must keep none, and a
# screenshot cannot tell a scrollbar (headless hides them) from a wide page. So the script writes a
# harness page (never shipped) that holds the report in a 375 px wide frame, and lets Chromium's own layout answer: after the load
# event it compares every element's box with the viewport width, skipping what lies inside a
# `.table-box` (tables scroll inside their box), and lists the resources the page loaded
# (performance API). `--dump-dom` prints the DOM with the answer in it.
set -euo pipefail
cd "$(dirname "$0")/.."
report=$(realpath "${1:-Outputs/report.html}")
out=${2:-.build/check-report}
mkdir -p "$out"
out=$(realpath "$out")

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "check-report: installing chromium from the system packages" >&2
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  browser=$(command -v chromium)
fi

# A fresh profile each run; no sandbox because CI runs as root in a container.
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --no-default-browser-check
       --disable-extensions --disable-background-networking --user-data-dir="$out/profile")
run() { "$browser" "${flags[@]}" "$@" 2>>"$out/chromium.log"; }
: >"$out/chromium.log"
failed=0

run --window-size=1280,2400 --screenshot="$out/report-1280.png" "file://$report" >/dev/null
run --no-pdf-header-footer --print-to-pdf="$out/report.pdf" "file://$report" >/dev/null

# 1 and 2: the measuring harness beside the report. Headless Chromium will not make a window
# narrower than 500 px, so the report is loaded in a 375 px wide frame, which is then its viewport
# (media queries included); the harness reads the frame's layout (file access between local files
# is allowed for this run only).
harness="$(dirname "$report")/.check-report-harness.html"
trap 'rm -f "$harness"' EXIT
cat >"$harness" <<HTML
<!DOCTYPE html><html><head><meta charset="utf-8"/><style>body{margin:0}iframe{width:375px;height:2400px;border:0}</style></head>
<body><iframe id="f" src="$(basename "$report")"></iframe><pre id="check"></pre><script>
document.getElementById("f").addEventListener("load", () => {
  const d = document.getElementById("f").contentDocument, width = d.documentElement.clientWidth, wide = [];
  for (const e of d.body.querySelectorAll("*")) {
    if (e.parentElement && e.parentElement.closest(".table-box")) continue;
    const r = e.getBoundingClientRect();
    if (r.width > 0 && (r.right > width + 0.5 || r.left < -0.5))
      wide.push(e.tagName.toLowerCase() + "." + e.className + " " + Math.round(r.left) + ".." + Math.round(r.right));
  }
  document.getElementById("check").textContent = "CHECK viewport=" + width + " scrollWidth=" + d.documentElement.scrollWidth
    + " overflowing=" + wide.length + " resources=" + d.defaultView.performance.getEntriesByType("resource").length
    + "\\n" + wide.slice(0, 20).join("\\n");
});
</script></body></html>
HTML
dom=$(run --allow-file-access-from-files --window-size=500,2400 --virtual-time-budget=5000 --dump-dom "file://$harness")
result=$(printf '%s\n' "$dom" | sed -n '/<pre id="check">/,/<\/pre>/p' | sed 's/<[^>]*>//g')
echo "$result"
# The 375 px screenshot through the same frame (the window itself cannot be that narrow).
run --allow-file-access-from-files --window-size=375,2400 --screenshot="$out/report-375.png" "file://$harness" >/dev/null
line=$(printf '%s\n' "$result" | grep '^CHECK ' || true)
if [ -z "$line" ]; then echo "check-report: the measurement did not run" >&2; failed=1; fi
case "$line" in *" overflowing=0 "*) ;; *) echo "check-report: elements wider than 375 px outside table boxes" >&2; failed=1 ;; esac
case "$line" in *"viewport=375 scrollWidth=375 "*) ;; *) echo "check-report: the page scrolls sideways at 375 px" >&2; failed=1 ;; esac
case "$line" in *" resources=0"*) ;; *) echo "check-report: the page loads resources" >&2; failed=1 ;; esac

# 2: what the browser said while loading the report itself.
"$browser" "${flags[@]}" --enable-logging=stderr --v=0 --virtual-time-budget=5000 --dump-dom "file://$report" \
  >/dev/null 2>"$out/console.log" || true
if grep -E 'CONSOLE|Uncaught|Failed to load resource|net::ERR_|Refused to' "$out/console.log"; then
  echo "check-report: the browser reported errors (see $out/console.log)" >&2; failed=1
fi
if grep -Eiq '<script|<link|<iframe|<img|src=|url\(|@import|https?:' "$report"; then
  echo "check-report: the report refers to something outside itself or has a script" >&2; failed=1
fi

# 3: A4 is 595 x 842 points (Chromium writes 594.96 x 841.92).
pages=$(grep -ac '/Type /Page\b' "$out/report.pdf" || true)
if ! grep -aq '/MediaBox \[0 0 59[45][.0-9]* 84[12][.0-9]*\]' "$out/report.pdf"; then
  echo "check-report: the PDF is not A4: $(grep -ao '/MediaBox \[[^]]*\]' "$out/report.pdf" | head -1)" >&2; failed=1
fi
echo "check-report: screenshots $out/report-1280.png, $out/report-375.png; PDF $out/report.pdf ($pages pages)"
exit $failed
