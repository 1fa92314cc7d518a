#!/usr/bin/env bash
# All real-editor checks in one go (CI runs this from .ci/run; by hand too):
#   1. install the tools (.tools/: Node 24, code-server; Debian: chromium, neovim, headers)  — skipped when present
#   2. compile test/e2e (tsc -p test/e2e → out/test/e2e)
#   3. VS Code: the packaged extension (kamerwijzer.vsix, `npm run package` when missing or older than dist/)
#      in code-server, driven in Chromium (vscode.e2e.js): hover, definition, Problems, quick fix, Outline
#   4. Neovim: README.md's Neovim setup with the real server (node dist/cli.js lsp --stdio) (neovim.js)
# Options:
#   E2E_PROBE=1      the infrastructure alone instead: the throwaway probe extension (smoke.js) and Neovim against
#                    the stand-in server (neovim.js --fake)
#   E2E_SHORTCUTS=1  also the keyboard-shortcut table (shortcuts.js, with the probe extension)
# Prints each part's "N passed, N failed" line and exits non-zero if any part failed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
T0=$SECONDS
say() { printf '[e2e/run %4ds] %s\n' "$((SECONDS - T0))" "$*"; }

bash test/e2e/install-tools.sh || { say "install-tools failed"; exit 1; }
say "compiling test/e2e"
node_modules/.bin/tsc -p test/e2e || { say "tsc failed"; exit 1; }

rc=0
if [ "${E2E_PROBE:-}" = 1 ]; then
  say "code-server smoke test (probe extension)"
  node out/test/e2e/smoke.js || rc=1
  say "Neovim LSP check (stand-in server)"
  node out/test/e2e/neovim.js --fake || rc=1
else
  say "VS Code (code-server): the packaged extension"
  node out/test/e2e/vscode.e2e.js || rc=1
  [ -f dist/cli.js ] || npm run --silent build
  say "Neovim: README setup with the real server"
  node out/test/e2e/neovim.js || rc=1
fi
if [ "${E2E_SHORTCUTS:-}" = 1 ]; then
  say "keyboard shortcuts"
  node out/test/e2e/shortcuts.js || rc=1
fi
say "done (exit $rc); artifacts in test/e2e/artifacts/"
exit "$rc"
