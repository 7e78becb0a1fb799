#!/usr/bin/env bash
# Makes sure a Docker engine answers on this machine: installs docker.io when missing (root only)
# and starts dockerd in the background when no daemon runs. Idempotent; safe to call from every target.
set -euo pipefail

log() { printf '[ensure-docker] %s\n' "$*" >&2; }

if docker info >/dev/null 2>&1; then
  exit 0
fi

if ! command -v dockerd >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    log "no Docker engine answers and dockerd is not installed; install docker.io (needs root) and retry"
    exit 1
  fi
  log "installing docker.io from Debian packages"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker.io >/dev/null
fi

if [ "$(id -u)" -ne 0 ]; then
  log "dockerd is installed but not running, and starting it needs root"
  exit 1
fi

log "starting dockerd in the background (log: /var/log/assessments-dockerd.log)"
# setsid detaches it from this shell so it survives the make target that started it.
setsid nohup dockerd >/var/log/assessments-dockerd.log 2>&1 < /dev/null &

for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then
    log "Docker engine $(docker version --format '{{.Server.Version}}') is ready"
    exit 0
  fi
  sleep 1
done
log "dockerd did not answer within 60 s; see /var/log/assessments-dockerd.log"
exit 1
