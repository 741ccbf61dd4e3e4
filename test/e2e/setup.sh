#!/usr/bin/env bash
# Installs what the editor tests need, offline (Debian packages and the npm registry only):
# Debian's chromium, neovim, a Chinese font and the build tools code-server's native modules need;
# code-server 4.100.3 (VS Code 1.100.3, the last release on Node 20) and playwright-core into
# .tools/e2e (git-ignored). Idempotent: when everything is there it only checks, in about a second.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TOOLS=${NIANBAO_E2E_TOOLS:-$ROOT/.tools/e2e}
t0=$(date +%s)

# ---- Debian packages
PKGS=(chromium neovim fonts-wqy-zenhei ripgrep libkrb5-dev build-essential pkg-config python3 curl unzip)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  echo "e2e setup: apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq
  $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" > /tmp/nianbao-e2e-apt.log 2>&1 \
    || { tail -50 /tmp/nianbao-e2e-apt.log; exit 1; }
fi

# ---- code-server + playwright-core into the tools folder
mkdir -p "$TOOLS"
want=$(cat "$ROOT/test/e2e/tools/package.json")
stamp="$TOOLS/.installed"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$TOOLS/node_modules/.bin/code-server" ] \
   && [ -f "$TOOLS/node_modules/playwright-core/package.json" ]; then
  :
else
  echo "e2e setup: npm install code-server, playwright-core into $TOOLS"
  rm -f "$stamp"
  cp "$ROOT/test/e2e/tools/package.json" "$TOOLS/package.json"
  # @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache holds the tarball:
  # put Debian's rg there (code-server 4.100.3 pins @vscode/ripgrep 1.15.11, which wants rg v13.0.0-10).
  cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$cache"
  tar czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C /usr/bin rg
  # unsafe_perm: code-server's postinstall refuses to run as root without it.
  # yes: node-pty's postinstall runs `npx node-gyp`, which an npmrc with yes=false cancels.
  (cd "$TOOLS" && npm_config_unsafe_perm=true npm_config_yes=true \
    npm install --no-audit --no-fund --no-save --loglevel=error > "$TOOLS/npm-install.log" 2>&1) \
    || { tail -60 "$TOOLS/npm-install.log"; exit 1; }
  echo "$want" > "$stamp"
fi
# code-server writes a default config and data folder on first run: keep them in the tools folder.
export CODE_SERVER_CONFIG="$TOOLS/config.yaml" XDG_DATA_HOME="$TOOLS/xdg-data"
[ -f "$CODE_SERVER_CONFIG" ] || printf 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n' > "$CODE_SERVER_CONFIG"
version=$("$TOOLS/node_modules/.bin/code-server" --version 2>/dev/null | grep -E '^[0-9]+\.' | head -1)
case "$version" in 4.100.3*) ;; *) echo "e2e setup: code-server --version says '$version', expected 4.100.3"; exit 1 ;; esac
echo "e2e setup: code-server $version, $(chromium --version 2>/dev/null), $(nvim --version | head -1) ($(( $(date +%s) - t0 )) s)"
