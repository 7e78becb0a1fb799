#!/usr/bin/env bash
# Builds the base images for candidates who do not write C#: Python and Go, from Debian bookworm's
# own packages (mmdebstrap), tagged with the names of the official images so that a candidate's
# Dockerfile builds offline here and online elsewhere. Grading builds have no network, so whatever a
# service needs must already be in its base image: the Python image carries Debian's FastAPI,
# uvicorn and Flask; the Go image the Go toolchain (the standard library is enough for an HTTP service).
#
# Its own recipe hash, apart from the .NET images', so that changing a toolchain never rebuilds those.
# Idempotent: an image whose recipe label matches this script is reused; the two root file systems
# are built at the same time and cached in /var/cache/assessments.
set -euo pipefail

log() { printf '[toolchain-images] %s\n' "$*" >&2; }

CACHE_DIR=${ASSESSMENTS_CACHE:-/var/cache/assessments}
SUITE=bookworm
RECIPE=$(sha256sum "$0" | cut -c1-16)

PYTHON_TAG=python:3.11-slim
GO_TAG=golang:1.19
COMMON=ca-certificates,tzdata,passwd

# shellcheck source=scripts/image-recipes.sh
. "$(dirname "$0")/image-recipes.sh"

if [ "$(current $PYTHON_TAG)" = yes ] && [ "$(current $GO_TAG)" = yes ]; then
  exit 0
fi

ensure_mmdebstrap

mkdir -p "$CACHE_DIR"
work=$(mktemp -d "$CACHE_DIR/toolchains.XXXXXX")
trap 'rm -rf "$work"' EXIT

rootfs() { # $1 = name, $2 = packages beyond the common ones; prints the cached tar's path
  # Keyed by the package list, not the whole recipe: editing how an image is tagged re-imports it
  # without downloading and unpacking its packages again.
  local tar
  tar="$CACHE_DIR/$SUITE-$1-$(printf '%s,%s' "$COMMON" "$2" | sha256sum | cut -c1-16).tar"
  if [ ! -s "$tar" ]; then
    # uid/gid 1654 "app", as in the .NET images, so every language's service runs as the same non-root user.
    mmdebstrap --quiet --variant=apt --include="$COMMON,$2" \
      --customize-hook='chroot "$1" groupadd --gid 1654 app' \
      --customize-hook='chroot "$1" useradd --uid 1654 --gid 1654 --no-create-home --shell /usr/sbin/nologin app' \
      --customize-hook='rm -rf "$1"/var/cache/apt/archives/*.deb "$1"/var/lib/apt/lists/*' \
      "$SUITE" "$work/$1.tar" >&2
    mv "$work/$1.tar" "$tar"
    find "$CACHE_DIR" -maxdepth 1 -name "$SUITE-$1-*.tar" ! -name "$(basename "$tar")" -delete
  fi
  echo "$tar"
}

labels=(--change "LABEL org.assessments.base=true" --change "LABEL org.assessments.recipe=$RECIPE" --change "ENV APP_UID=1654")

build_python() {
  [ "$(current $PYTHON_TAG)" = yes ] && return 0
  log "building $PYTHON_TAG: python3 with FastAPI, uvicorn and Flask (about a minute)"
  local tar
  tar=$(rootfs python "python3,python-is-python3,python3-fastapi,python3-uvicorn,python3-flask")
  docker import "${labels[@]}" \
    --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --change "ENV PYTHONDONTWRITEBYTECODE=1" --change "ENV PYTHONUNBUFFERED=1" \
    --change 'WORKDIR /app' --change 'CMD ["python3"]' "$tar" "$PYTHON_TAG" >/dev/null
}

build_go() {
  [ "$(current $GO_TAG)" = yes ] && return 0
  log "building $GO_TAG: the Go 1.19 toolchain (about a minute)"
  local tar
  tar=$(rootfs go "golang-1.19-go")
  # No module proxy can be reached while grading: GOPROXY=off says so at once instead of a timeout;
  # CGO_ENABLED=0 because the image has no C compiler, and a static binary runs on debian:bookworm-slim.
  docker import "${labels[@]}" \
    --change "ENV PATH=/usr/lib/go-1.19/bin:/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --change "ENV GOPATH=/go" --change "ENV GOPROXY=off" --change "ENV GOFLAGS=-buildvcs=false" \
    --change "ENV CGO_ENABLED=0" --change 'WORKDIR /go/src' --change 'CMD ["go", "version"]' "$tar" "$GO_TAG" >/dev/null
}

build_python &
python=$!
build_go &
go=$!
status=0
wait "$python" || status=1
wait "$go" || status=1
[ "$status" -eq 0 ] || { log "a toolchain image failed to build"; exit 1; }
log "toolchain images ready: $PYTHON_TAG, $GO_TAG"
