#!/usr/bin/env bash
# Refreshes images/ (the icon and the screenshots the marketplace README shows):
#   - images/icon.png (128×128) from images/icon.svg, drawn by headless Chromium (Debian's chromium,
#     driven by the e2e tools' playwright-core: run test/e2e/setup.sh once);
#   - the screenshots, copied from the e2e suite's (run `npm run test:e2e` first; they land in
#     test/e2e/out/): the squiggle, the hover, the quick fix, the table view (test/e2e/tableview.js's
#     wrong-cell shot), the HTML report.
# A screenshot the last e2e run did not take is kept as it is (and said).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${NIANBAO_E2E_OUT:-$ROOT/test/e2e/out}
CHROMIUM=${NIANBAO_E2E_CHROMIUM:-/usr/bin/chromium}
cd "$ROOT/images"

# Playwright sets the page's size exactly (Chromium's own --screenshot counts its window's frame in).
NODE_PATH="${NIANBAO_E2E_TOOLS:-$ROOT/.tools/e2e}/node_modules" node -e '
  const [svg, png, exe] = process.argv.slice(1);
  (async () => {
    const browser = await require("playwright-core").chromium.launch({ executablePath: exe, args: ["--no-sandbox", "--disable-gpu"] });
    const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
    await page.goto(`file://${svg}`);
    await page.screenshot({ path: png, omitBackground: true });
    await browser.close();
  })().catch((e) => { console.error(e); process.exit(1); });' "$ROOT/images/icon.svg" "$ROOT/images/icon.png" "$CHROMIUM"
echo "images/icon.png from images/icon.svg"

pick() {
  local pattern=$1 dest=$2 found
  found=$(find "$OUT" -maxdepth 1 -name "$pattern" 2>/dev/null | sort | head -1)
  if [ -n "$found" ]; then
    cp "$found" "$ROOT/images/$dest"
    echo "images/$dest from ${found#"$ROOT"/}"
  else
    echo "images/$dest kept: no $pattern in ${OUT#"$ROOT"/}"
  fi
}
pick 'ui-*-txt-problem.png' squiggle.png
pick 'ui-*-txt-hover.png' hover.png
pick 'ui-*-txt-quickfix.png' quick-fix.png
pick 'tableview-*-wrong-cell.png' table-view.png
pick 'html-report.png' html-report.png
