#!/usr/bin/env bash
# Makes sure a Docker engine answers on this machine: installs docker.io when missing (root only)
# and starts dockerd in the background when no daemon runs. Idempotent; safe to call from every target.
set -euo pipefail

log() { printf '[ensure-docker] %s\n' "$*" >&2; }

# Candidate containers sit on internal bridges named asmt-*: the engine keeps them from routing
# anywhere, but the host itself is still reachable at the bridge's gateway address. Refusing new
# connections that arrive on those bridges closes that door; replies to the runner's own
# connections (established) still pass.
ensure_host_isolation() {
  local rule=(INPUT -i asmt+ -m conntrack --ctstate NEW -j DROP)
  if [ "$(id -u)" -ne 0 ] || ! command -v iptables >/dev/null 2>&1; then
    log "cannot install the host-isolation firewall rule (needs root and iptables); gradings will report it as not verified"
    return 0
  fi
  iptables -C "${rule[@]}" 2>/dev/null || { iptables -I "${rule[@]}" && log "host isolation rule installed: iptables -I ${rule[*]}"; }
}

if docker info >/dev/null 2>&1; then
  ensure_host_isolation
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

# A daemon that was killed (not stopped) leaves its pid files behind, and dockerd refuses to start
# beside one ("pid file found"): remove those whose process is no longer that program (or is a
# zombie nobody reaped, as happens where PID 1 is not an init).
alive() { # $1 = pid, $2 = program name
  [ "$(cat "/proc/$1/comm" 2>/dev/null)" = "$2" ] && ! grep -q '^State:.*zombie' "/proc/$1/status" 2>/dev/null
}
for stale in /var/run/docker.pid:dockerd /var/run/docker/containerd/containerd.pid:containerd; do
  file=${stale%%:*}
  [ -s "$file" ] || continue
  if ! alive "$(cat "$file")" "${stale##*:}"; then
    log "removing $file, left behind by a ${stale##*:} that is gone"
    rm -f "$file"
  fi
done

log "starting dockerd in the background (log: /var/log/assessments-dockerd.log)"
# setsid detaches it from this shell so it survives the make target that started it; from / so that
# it holds no checkout's folder open (a clean clone that started it can be removed).
(cd / && exec setsid nohup dockerd >/var/log/assessments-dockerd.log 2>&1 < /dev/null) &

for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then
    log "Docker engine $(docker version --format '{{.Server.Version}}') is ready"
    ensure_host_isolation
    exit 0
  fi
  sleep 1
done
log "dockerd did not answer within 60 s; see /var/log/assessments-dockerd.log"
exit 1
