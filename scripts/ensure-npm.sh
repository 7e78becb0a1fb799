#!/usr/bin/env bash
# Makes sure npm is on the PATH (installs Debian's package as root when it is not). Sourced by the
# scripts that fetch tools from the npm registry; the caller's name prefixes the messages.
ensure_npm() {
  local who=$1
  command -v npm >/dev/null 2>&1 && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "[$who] npm is missing and installing it needs root" >&2
    return 1
  fi
  echo "[$who] installing npm from Debian packages" >&2
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q npm >/dev/null
}
