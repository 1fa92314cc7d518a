#!/usr/bin/env bash
# Runs the headless Neovim LSP check (init.lua + test.lua) on one file and prints the JSON result.
#
#   bash test/e2e/neovim/run.sh [FILE]            # default: seeds/003_5ba8678b3eddeb36.txt, fake server
#   KW_LSP_CMD='["node","dist/cli.js","lsp","--stdio"]' KW_NVIM_EXPECT_HOVER=... bash test/e2e/neovim/run.sh
#
# Other settings: see test.lua (KW_NVIM_POS_TEXT, KW_NVIM_MIN_DIAGNOSTICS, KW_NVIM_EXPECT_DEFINITION,
# KW_NVIM_TIMEOUT_MS) and KW_NVIM_RESULT (default test/e2e/artifacts/nvim-lsp-result.json).
# Exit code: test.lua's (0 ok, 1 an expectation failed, 2 error, 3 time-out), 124 if nvim itself hung.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../../.." && pwd)"
FILE="$(realpath "${1:-$REPO/seeds/003_5ba8678b3eddeb36.txt}")"
export KW_NVIM_FILE="$FILE"
export KW_NVIM_RESULT="${KW_NVIM_RESULT:-$REPO/test/e2e/artifacts/nvim-lsp-result.json}"
mkdir -p "$(dirname "$KW_NVIM_RESULT")"
rm -f "$KW_NVIM_RESULT"

command -v nvim >/dev/null || { echo "nvim not found: run bash test/e2e/install-tools.sh" >&2; exit 127; }

# Neovim's state, cache and LSP log (lsp.log) go to a temp dir, not ~.
XDG_TMP="$(mktemp -d /tmp/kw-nvim-XXXXXX)"
trap 'rm -rf "$XDG_TMP"' EXIT
export XDG_CONFIG_HOME="$XDG_TMP/config" XDG_DATA_HOME="$XDG_TMP/data" XDG_STATE_HOME="$XDG_TMP/state" XDG_CACHE_HOME="$XDG_TMP/cache"

TIMEOUT_S=$(( ${KW_NVIM_TIMEOUT_MS:-15000} * 5 / 1000 + 15 ))
start=$(date +%s%N)
timeout "$TIMEOUT_S" nvim --headless -n -i NONE -u "$HERE/init.lua" -c "luafile $HERE/test.lua" </dev/null
rc=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))

# Keep Neovim's LSP log (server stderr lands there) next to the result.
for log in "$XDG_TMP"/state/nvim/lsp.log "$XDG_TMP"/cache/nvim/lsp.log; do
  [ -s "$log" ] && cp "$log" "$(dirname "$KW_NVIM_RESULT")/nvim-lsp.log"
done

if [ -s "$KW_NVIM_RESULT" ]; then
  cat "$KW_NVIM_RESULT"; echo
else
  echo "no result written (nvim exit $rc)" >&2
fi
echo "nvim exit $rc in ${ms} ms" >&2
exit "$rc"
