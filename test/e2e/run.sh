#!/usr/bin/env bash
# All real-editor checks in one go (for CI or by hand):
#   1. install the tools (.tools/: Node 24, code-server; Debian: chromium, neovim, headers)  — skipped when present
#   2. compile test/e2e (tsc -p test/e2e → out/test/e2e)
#   3. code-server + Chromium smoke test (smoke.js), with the probe extension or $E2E_VSIX
#   4. Neovim built-in LSP client check (neovim.js) against the fake server or $KW_LSP_CMD
#   (5. E2E_SHORTCUTS=1: the keyboard-shortcut table, shortcuts.js)
# Prints each part's "N passed, N failed" line and exits non-zero if any part failed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
T0=$SECONDS
say() { printf '[e2e/run %4ds] %s\n' "$((SECONDS - T0))" "$*"; }

bash test/e2e/install-tools.sh || { say "install-tools failed"; exit 1; }
say "compiling test/e2e"
node_modules/.bin/tsc -p test/e2e || { say "tsc failed"; exit 1; }

rc=0
say "code-server smoke test"
node out/test/e2e/smoke.js || rc=1
say "Neovim LSP check"
node out/test/e2e/neovim.js || rc=1
if [ "${E2E_SHORTCUTS:-}" = 1 ]; then
  say "keyboard shortcuts"
  node out/test/e2e/shortcuts.js || rc=1
fi
say "done (exit $rc); artifacts in test/e2e/artifacts/"
exit "$rc"
