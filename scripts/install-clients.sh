#!/usr/bin/env bash
# Installs the third-party LSP clients the tests drive (test/lsp/neovim.test.ts): Debian's
# neovim. Idempotent; a machine without apt or root skips it, and the test says it skipped.
set -euo pipefail
command -v nvim >/dev/null 2>&1 && exit 0
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "clients: no apt-get here; the Neovim test will be skipped"
  exit 0
fi
echo "clients: apt-get install neovim"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq neovim >/dev/null
