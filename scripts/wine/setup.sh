#!/bin/sh
# Makes a Wine prefix ready for running the Windows build (node.exe, reg.exe) and returns fast when it is.
#   scripts/wine/setup.sh <prefix-folder>
# Wine itself comes from scripts/setup-test-tools.sh (exit 3 here when it is missing).
# A fresh prefix takes about 10 s; a ready one ~0 s.
# Windows programs' output goes to files, never a pipe (a pipe fails under Wine).
set -eu
PREFIX="${1:?usage: setup.sh <prefix-folder>}"
case "$PREFIX" in /*) ;; *) PREFIX="$(pwd)/$PREFIX" ;; esac

if ! command -v wine >/dev/null 2>&1; then
  echo "setup.sh: wine is not installed (scripts/setup-test-tools.sh installs it)" >&2
  exit 3
fi

export WINEPREFIX="$PREFIX" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
MARK="$PREFIX/.mfa-readiness-ready"
if [ -f "$MARK" ] && [ -f "$PREFIX/system.reg" ]; then
  exit 0
fi

mkdir -p "$(dirname "$PREFIX")"
# Two test files may ask for the same prefix at once: one makes it, the other waits.
if [ -z "${MFA_WINE_LOCKED:-}" ] && command -v flock >/dev/null 2>&1; then
  MFA_WINE_LOCKED=1 exec flock "$PREFIX.lock" "$0" "$PREFIX"
fi
if [ -f "$MARK" ] && [ -f "$PREFIX/system.reg" ]; then
  exit 0
fi
mkdir -p "$PREFIX"
LOG="$PREFIX/../$(basename "$PREFIX").setup.log"
# wineboot creates the prefix; winecfg /v sets the Windows version it reports.
wine wineboot --init >"$LOG" 2>&1 || { echo "setup.sh: wineboot failed, see $LOG" >&2; exit 4; }
wineserver -w
wine winecfg /v win10 >>"$LOG" 2>&1 || { echo "setup.sh: winecfg failed, see $LOG" >&2; exit 4; }
wineserver -w
touch "$MARK"
