#!/usr/bin/env bash
# Installs the js-libp2p interop peer's exact-pinned packages (package-lock.json) before the integration tests.
# Run by Maven (exec-maven-plugin, phase pre-integration-test; skipped with -DskipTests or -DskipITs).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "fedp2p: the js-libp2p interop tests need Node.js 20+ and npm (apt-get install nodejs npm)," \
       "or skip them with -DskipITs" >&2
  exit 1
fi
major="$(node -p 'process.versions.node.split(".")[0]')"
if (( major < 20 )); then
  echo "fedp2p: the js-libp2p interop tests need Node.js 20 or newer, found $(node --version)" >&2
  exit 1
fi
# npm ci wipes and reinstalls node_modules; skip it when the installed tree already matches the lock file.
if [[ -f node_modules/.package-lock.json && node_modules/.package-lock.json -nt package-lock.json ]]; then
  echo "fedp2p: js interop packages are up to date"
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
