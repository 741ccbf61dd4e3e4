#!/usr/bin/env bash
# `npm run test:e2e`: nianbao in real editors, offline.
#   1. ui      code-server + Chromium, keyboard only, against the installed .vsix (test/e2e/ui.js)
#      tableview  the same, the table view beside a report (test/e2e/tableview.js)
#   1b. view   the report view of a .docx and a .pdf, and 导入为可编辑文本 (test/e2e/view.js)
#      crossyear  the same: last year's report fixed, this year's carry-over goes (test/e2e/crossyear.js)
#   2. host    the mocha suite of test/vscode/ in code-server's extension host, zh-cn and en (test/e2e/host.js)
#   3. nvim    Neovim headless as a plain LSP client over stdio (test/e2e/nvim.lua)
#   4. html    `nianbao check --format html examples/` rendered by Chromium (test/e2e/html-report.js)
# Installs what it needs first (test/e2e/setup.sh). Screenshots and logs go to test/e2e/out/.
# Exits non-zero when any suite fails; every process it starts is stopped when it ends.
# NIANBAO_E2E_ONLY="ui host-zh" runs only some suites (ui, tableview, view, crossyear, host-zh, host-en, nvim, html).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
E2E="$ROOT/test/e2e"
OUT="$E2E/out"
TOOLS=${NIANBAO_E2E_TOOLS:-$ROOT/.tools/e2e}
ONLY=${NIANBAO_E2E_ONLY:-ui tableview view crossyear host-zh host-en nvim html}
cd "$ROOT"
t0=$(date +%s)
elapsed() { echo "$(( $(date +%s) - t0 )) s"; }

bash "$E2E/setup.sh" || { echo "e2e: setup failed"; exit 1; }
export CODE_SERVER_CONFIG="$TOOLS/config.yaml" XDG_DATA_HOME="$TOOLS/xdg-data"
export NODE_PATH="$TOOLS/node_modules" NIANBAO_E2E_OUT="$OUT"
CODE_SERVER="$TOOLS/node_modules/.bin/code-server"

rm -rf "$OUT"
mkdir -p "$OUT"
STATE=$(mktemp -d /tmp/nianbao-e2e.XXXXXX)
CS_PID=""
GROUPS_STARTED=()
cleanup() {
  for g in "${GROUPS_STARTED[@]}"; do kill -- "-$g" 2>/dev/null; done
  if [ -n "$CS_PID" ]; then
    kill -- "-$CS_PID" 2>/dev/null
    wait "$CS_PID" 2>/dev/null
  fi
  # The workbench's and extension hosts' logs, for a failure to be read after the run.
  [ -d "$STATE/user/logs" ] && cp -r "$STATE/user/logs" "$OUT/code-server-logs" 2>/dev/null
  rm -rf "$STATE"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- build: the bundles (the extension-host suite loads the extension from this folder), the .vsix, the suite
echo "e2e: building the .vsix and the test suite"
if ! npm run --silent package -- --out "$OUT/nianbao.vsix" > "$OUT/package.log" 2>&1; then cat "$OUT/package.log"; exit 1; fi
if ! node test/vscode/build.mjs > "$OUT/build-suite.log" 2>&1; then cat "$OUT/build-suite.log"; exit 1; fi

# Runs a command in its own process group (so whatever it spawns is stopped with it), with a time limit.
run_group() {
  local limit=$1; shift
  setsid timeout --kill-after=10 "$limit" "$@" &
  local pid=$!
  GROUPS_STARTED+=("$pid")
  wait "$pid"
  local rc=$?
  kill -- "-$pid" 2>/dev/null
  return $rc
}

declare -A RESULT
suites_run=()
record() { suites_run+=("$1"); RESULT[$1]=$2; }
wants() { [[ " $ONLY " == *" $1 "* ]]; }

# ---- code-server: a fresh profile, the .vsix installed, Chinese available as a display language
if wants ui || wants tableview || wants view || wants crossyear || wants host-zh || wants host-en; then
  mkdir -p "$STATE/user/User" "$STATE/extensions"
  cp "$E2E/fixtures/settings.json" "$STATE/user/User/settings.json"
  # argv.json without "locale": code-server then takes the display language from each browser's
  # Accept-Language, so one server runs the zh-cn and the en sessions.
  echo '{ "enable-crash-reporter": false }' > "$STATE/user/User/argv.json"
  # The Chinese language pack cannot be downloaded here. VS Code resolves a display language only
  # when a language pack for it is registered (languagepacks.json); register a stub pack without
  # translations: the workbench stays in English, but vscode.env.language is zh-cn, as for a user
  # with the Chinese pack, so the extension and its server speak Chinese.
  node -e '
    const [file, translations] = process.argv.slice(1);
    require("fs").writeFileSync(file, JSON.stringify({ "zh-cn": { hash: "nianbao-e2e-stub", label: "中文(简体)",
      extensions: [{ extensionIdentifier: { id: "nianbao-e2e.zh-cn-stub" }, version: "0.0.1" }],
      translations: { vscode: translations } } }));' "$STATE/user/languagepacks.json" "$E2E/fixtures/zh-cn.i18n.json"
  if ! "$CODE_SERVER" --user-data-dir "$STATE/user" --extensions-dir "$STATE/extensions" \
      --install-extension "$OUT/nianbao.vsix" > "$OUT/install-vsix.log" 2>&1; then
    cat "$OUT/install-vsix.log"; exit 1
  fi
  setsid "$CODE_SERVER" --auth none --bind-addr 127.0.0.1:0 --disable-telemetry --disable-update-check \
    --disable-workspace-trust --disable-getting-started-override --ignore-last-opened \
    --user-data-dir "$STATE/user" --extensions-dir "$STATE/extensions" > "$OUT/code-server.log" 2>&1 &
  CS_PID=$!
  BASE=""
  for _ in $(seq 1 120); do
    port=$(grep -oE 'HTTP server listening on http://127\.0\.0\.1:[0-9]+' "$OUT/code-server.log" | grep -oE '[0-9]+$' | head -1)
    if [ -n "$port" ] && curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; then BASE="http://127.0.0.1:$port"; break; fi
    kill -0 "$CS_PID" 2>/dev/null || break
    sleep 0.5
  done
  if [ -z "$BASE" ]; then echo "e2e: code-server did not start"; cat "$OUT/code-server.log"; exit 1; fi
  echo "e2e: code-server $("$CODE_SERVER" --version | grep -E '^[0-9]' | cut -d' ' -f1) on $BASE ($(elapsed))"

  if wants ui; then
    echo "e2e: ui — code-server + Chromium, keyboard only, the installed .vsix"
    run_group 300 node "$E2E/ui.js" "$BASE" "$STATE/ws-ui" "$OUT"
    record ui $?
  fi
  if wants tableview; then
    echo "e2e: tableview — the table view beside a report, keyboard only"
    run_group 240 node "$E2E/tableview.js" "$BASE" "$STATE/ws-tableview" "$OUT"
    record tableview $?
  fi
  if wants view; then
    echo "e2e: view — the report view of a .docx and a .pdf, and 导入为可编辑文本"
    run_group 300 node "$E2E/view.js" "$BASE" "$STATE/ws-view" "$OUT"
    record view $?
  fi
  if wants crossyear; then
    echo "e2e: crossyear — code-server + Chromium, last year's report beside this year's"
    run_group 180 node "$E2E/crossyear.js" "$BASE" "$STATE/ws-crossyear" "$OUT"
    record crossyear $?
  fi
  for loc in zh en; do
    wants "host-$loc" || continue
    echo "e2e: host-$loc — test/vscode in code-server's extension host, display language $loc"
    run_group 300 node "$E2E/host.js" "$BASE" "$STATE/ws-host-$loc" "$ROOT" "$ROOT/test/vscode/out/suite/index.js" "$loc"
    record "host-$loc" $?
  done
fi

if wants nvim; then
  echo "e2e: nvim — Neovim $(nvim --version | head -1 | cut -d' ' -f2) as an LSP client over stdio"
  run_group 120 env NIANBAO_ROOT="$ROOT" NIANBAO_E2E_WS="$STATE/ws-nvim" \
    nvim --headless --clean -u NONE -i NONE -n -c "luafile $E2E/nvim.lua"
  record nvim $?
fi

if wants html; then
  echo "e2e: html — the auditor's HTML report of examples/ in Chromium"
  run_group 120 node "$E2E/html-report.js" "$ROOT" "$OUT"
  record html $?
fi

passed=0; failed=0
for s in "${suites_run[@]}"; do
  if [ "${RESULT[$s]}" -eq 0 ]; then passed=$((passed + 1)); echo "e2e: $s passed"
  else failed=$((failed + 1)); echo "e2e: $s FAILED (exit ${RESULT[$s]})"; fi
done
echo "e2e ($(elapsed), screenshots in test/e2e/out/):"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
