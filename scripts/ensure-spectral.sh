#!/usr/bin/env bash
# Installs the OpenAPI linter (@stoplight/spectral-cli, from the npm registry) into tools/spectral,
# a git-ignored folder, unless that version is already there. Idempotent; the server tests run it.
set -euo pipefail
cd "$(dirname "$0")/.."

version=6.16.3
prefix=tools/spectral
bin="$prefix/node_modules/.bin/spectral"

if [ -x "$bin" ] && [ "$("$bin" --version 2>/dev/null)" = "$version" ]; then
  exit 0
fi

source scripts/ensure-npm.sh
ensure_npm ensure-spectral

echo "[ensure-spectral] installing @stoplight/spectral-cli@$version into $prefix" >&2
mkdir -p "$prefix"
npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "@stoplight/spectral-cli@$version" >/dev/null
"$bin" --version >/dev/null
