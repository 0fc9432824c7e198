#!/usr/bin/env bash
# Installs the Debian packages whose files the tests read (run by `mvn verify` before the node module's tests).
# As root it installs what is missing; otherwise it fails with the exact command to run.
# Usage: ensure-packages.sh PACKAGE=PATH [PACKAGE=PATH ...]
set -euo pipefail
missing=()
for spec in "$@"; do
  package="${spec%%=*}"; path="${spec#*=}"
  [[ -e "$path" ]] || missing+=("$package")
done
(( ${#missing[@]} == 0 )) && exit 0
if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian packages for the tests: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "${missing[@]}" || { apt-get update -q && apt-get install -y -q "${missing[@]}"; }
else
  echo "the tests need Debian packages that are not installed: ${missing[*]}" >&2
  echo "install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
