#!/usr/bin/env bash
# Installs the third-party LSP clients the tests drive (test/lsp/neovim.test.ts,
# test/lsp/emacs.test.ts): Debian's neovim, emacs-nox and elpa-eglot; and Debian's pre-commit
# (test/unit/pre-commit.test.ts). Idempotent; a machine without apt skips it, and the tests say
# they skipped.
set -euo pipefail
missing=()
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
command -v emacs >/dev/null 2>&1 || missing+=(emacs-nox)
[ -d /usr/share/emacs/site-lisp/elpa/eglot-1.9 ] || dpkg -s elpa-eglot >/dev/null 2>&1 || missing+=(elpa-eglot)
command -v pre-commit >/dev/null 2>&1 || missing+=(pre-commit)
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "clients: no apt-get here; the Neovim, Emacs and pre-commit tests will be skipped"
  exit 0
fi
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
echo "clients: apt-get install ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
