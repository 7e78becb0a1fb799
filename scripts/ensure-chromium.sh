#!/usr/bin/env bash
# Makes sure Debian's chromium is installed for the web pages' browser tests (Playwright drives it
# through ExecutablePath; Playwright's own browser download cannot work on our machines).
# Idempotent: does nothing when chromium is already there.
set -euo pipefail

log() { printf '[ensure-chromium] %s\n' "$*" >&2; }

if command -v chromium >/dev/null 2>&1; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  log "chromium is not installed and installing it needs root: apt-get install chromium"
  exit 1
fi

log "installing chromium from Debian packages"
apt-get update -q >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium >/dev/null
command -v chromium >/dev/null
log "chromium is ready: $(chromium --version 2>/dev/null || echo installed)"
