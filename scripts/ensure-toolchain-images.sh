#!/usr/bin/env bash
# Builds the base images for candidates who do not write C#: Python, Go, Node.js and Java, from
# Debian bookworm's own packages (mmdebstrap), tagged with the names of the official images so that a
# candidate's Dockerfile builds offline here and online elsewhere. Grading builds have no network, so
# whatever a service needs must already be in its base image: the Python image carries Debian's
# FastAPI, uvicorn and Flask; the Node.js image Debian's Express; the Go and Java images only their
# toolchains (each standard library has an HTTP server).
#
#   scripts/ensure-toolchain-images.sh              every image (make toolchain-images, make prepare)
#   scripts/ensure-toolchain-images.sh node java    only those: python, go, node, java
#
# Its own recipe hash, apart from the .NET images', so that changing a toolchain never rebuilds those.
# Idempotent: an image whose recipe label matches is reused, and a build in progress is waited for.
# The images are built at the same time, each root file system cached in /var/cache/assessments; each
# one's build time and size are printed.
set -euo pipefail

log() { printf '[toolchain-images] %s\n' "$*" >&2; }

CACHE_DIR=${ASSESSMENTS_CACHE:-/var/cache/assessments}
SUITE=bookworm
RECIPE=$(sha256sum "$0" | cut -c1-16)

PYTHON_TAG=python:3.11-slim
GO_TAG=golang:1.19
NODE_TAGS=(node:20-slim node:20)
JDK_TAG=eclipse-temurin:17-jdk
JRE_TAG=eclipse-temurin:17-jre
COMMON=ca-certificates,tzdata,passwd

# Debian bookworm's Node.js is 18; Node.js 20 is the one this machine runs (the nodesource package,
# whose apt source is off, so it cannot be fetched again). Its binary goes into the image, so its
# hash is part of that image's recipe: a different node rebuilds it.
HOST_NODE=$(readlink -f "${ASSESSMENTS_NODE:-$(command -v node || echo /usr/bin/node)}")
HOST_NODE_VERSION=$("$HOST_NODE" --version 2>/dev/null | head -n 1 || true)
NODE_RECIPE=
if [ -x "$HOST_NODE" ] && [[ "$HOST_NODE_VERSION" == v20.* ]]; then
  NODE_RECIPE=$RECIPE-$(sha256sum "$HOST_NODE" | cut -c1-16)
fi

# shellcheck source=scripts/image-recipes.sh
. "$(dirname "$0")/image-recipes.sh"

wanted=("$@")
[ ${#wanted[@]} -gt 0 ] || wanted=(python go node java)
for name in "${wanted[@]}"; do
  case $name in python | go | node | java) ;; *) log "unknown image '$name' (python, go, node, java)"; exit 2 ;; esac
done

up_to_date() { # $1 = name: every tag of it carries its recipe
  case $1 in
    python) [ "$(current $PYTHON_TAG)" = yes ] ;;
    go) [ "$(current $GO_TAG)" = yes ] ;;
    node) [ -n "$NODE_RECIPE" ] && [ "$(current "${NODE_TAGS[0]}" "$NODE_RECIPE")" = yes ] && [ "$(current "${NODE_TAGS[1]}" "$NODE_RECIPE")" = yes ] ;;
    java) [ "$(current $JDK_TAG)" = yes ] && [ "$(current $JRE_TAG)" = yes ] ;;
  esac
}

# One build at a time on this host: a second caller (a test that needs an image while `make test`
# builds them in the background, `make up` beside it) waits for the first and then finds its images
# up to date, instead of building them twice.
lock_dir=$CACHE_DIR
mkdir -p "$lock_dir" 2>/dev/null || lock_dir=/tmp
exec 9>"$lock_dir/toolchain-images.lock"
if ! flock -n 9; then
  log "waiting for the toolchain images another process is building"
  flock 9
fi

stale=()
for name in "${wanted[@]}"; do
  up_to_date "$name" || stale+=("$name")
done
[ ${#stale[@]} -gt 0 ] || exit 0

ensure_mmdebstrap

mkdir -p "$CACHE_DIR"
work=$(mktemp -d "$CACHE_DIR/toolchains.XXXXXX")
trap 'rm -rf "$work"' EXIT

rootfs() { # $1 = name, $2 = packages beyond the common ones, $3 = what else goes in (a hash), rest = more mmdebstrap hooks; prints the cached tar's path
  local name=$1 packages=$2 extra=$3 key tar
  shift 3
  # Keyed by what goes into the tar, not the whole recipe: editing how an image is tagged re-imports
  # it without downloading and unpacking its packages again. (Python's and Go's keys predate the
  # extras, so an image without any keeps its cached tar.)
  key="$COMMON,$packages"
  [ -z "$extra$*" ] || key="$key|$extra|$*"
  tar="$CACHE_DIR/$SUITE-$name-$(printf '%s' "$key" | sha256sum | cut -c1-16).tar"
  if [ ! -s "$tar" ]; then
    # uid/gid 1654 "app", as in the .NET images, so every language's service runs as the same non-root user.
    mmdebstrap --quiet --variant=apt --include="$COMMON,$packages" \
      --customize-hook='chroot "$1" groupadd --gid 1654 app' \
      --customize-hook='chroot "$1" useradd --uid 1654 --gid 1654 --no-create-home --shell /usr/sbin/nologin app' \
      "$@" \
      --customize-hook='rm -rf "$1"/var/cache/apt/archives/*.deb "$1"/var/lib/apt/lists/*' \
      "$SUITE" "$work/$name.tar" >&2
    mv "$work/$name.tar" "$tar"
    find "$CACHE_DIR" -maxdepth 1 -name "$SUITE-$name-*.tar" ! -name "$(basename "$tar")" -delete
  fi
  echo "$tar"
}

labels() { # $1 = the recipe the image is labelled with
  printf '%s\n' --change "LABEL org.assessments.base=true" --change "LABEL org.assessments.recipe=$1" --change "ENV APP_UID=1654"
}

build_python() {
  local tar
  tar=$(rootfs python "python3,python-is-python3,python3-fastapi,python3-uvicorn,python3-flask" "")
  mapfile -t l < <(labels "$RECIPE")
  docker import "${l[@]}" \
    --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --change "ENV PYTHONDONTWRITEBYTECODE=1" --change "ENV PYTHONUNBUFFERED=1" \
    --change 'WORKDIR /app' --change 'CMD ["python3"]' "$tar" "$PYTHON_TAG" >/dev/null
}

build_go() {
  local tar
  tar=$(rootfs go "golang-1.19-go" "")
  mapfile -t l < <(labels "$RECIPE")
  # No module proxy can be reached while grading: GOPROXY=off says so at once instead of a timeout;
  # CGO_ENABLED=0 because the image has no C compiler, and a static binary runs on debian:bookworm-slim.
  docker import "${l[@]}" \
    --change "ENV PATH=/usr/lib/go-1.19/bin:/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --change "ENV GOPATH=/go" --change "ENV GOPROXY=off" --change "ENV GOFLAGS=-buildvcs=false" \
    --change "ENV CGO_ENABLED=0" --change 'WORKDIR /go/src' --change 'CMD ["go", "version"]' "$tar" "$GO_TAG" >/dev/null
}

build_node() {
  if [ -z "$NODE_RECIPE" ]; then
    log "node: no Node.js 20 at $HOST_NODE (it answers: ${HOST_NODE_VERSION:-nothing}); ${NODE_TAGS[*]} are made from this machine's Node.js 20, as Debian bookworm has only 18 (ASSESSMENTS_NODE=/path/to/node names another binary)"
    return 1
  fi
  local tar
  # Debian's Express brings Debian's Node.js 18 with it; the host's Node.js 20 takes its place as
  # /usr/bin/node (dpkg-divert keeps Debian's aside as node.distrib, so the package database stays true).
  tar=$(rootfs node "nodejs,node-express" "${NODE_RECIPE#*-}" \
    --customize-hook='chroot "$1" dpkg-divert --quiet --local --rename --add /usr/bin/node' \
    --customize-hook="install -m 0755 $(printf '%q' "$HOST_NODE") \"\$1/usr/bin/node\"")
  mapfile -t l < <(labels "$NODE_RECIPE")
  # Node.js 20 does not look in Debian's module folder by itself: NODE_PATH makes require('express')
  # find it (CommonJS only: ES module imports ignore NODE_PATH). No npm: nothing could be installed
  # while grading anyway.
  docker import "${l[@]}" \
    --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --change "ENV NODE_PATH=/usr/share/nodejs" --change "ENV NODE_VERSION=${HOST_NODE_VERSION#v}" \
    --change 'WORKDIR /app' --change 'CMD ["node"]' "$tar" "${NODE_TAGS[0]}" >/dev/null
  docker tag "${NODE_TAGS[0]}" "${NODE_TAGS[1]}"
}

build_java() {
  local jre jdk
  # Where the official images keep the JDK, so that JAVA_HOME and PATH read the same here and online.
  local home='--customize-hook=chroot "$1" sh -c "mkdir -p /opt/java && ln -s /usr/lib/jvm/java-17-openjdk-* /opt/java/openjdk"'
  # The two root file systems at once; the second call below finds the JRE's in the cache.
  rootfs jre "openjdk-17-jre-headless" "" "$home" >/dev/null &
  local jre_job=$!
  jdk=$(rootfs jdk "openjdk-17-jdk-headless" "" "$home")
  wait "$jre_job"
  jre=$(rootfs jre "openjdk-17-jre-headless" "" "$home")
  mapfile -t l < <(labels "$RECIPE")
  local env=(--change "ENV JAVA_HOME=/opt/java/openjdk"
    --change "ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    --change "ENV LANG=C.UTF-8")
  # No Maven or Gradle repository can be reached while grading: services build with javac and the
  # JDK's own modules (com.sun.net.httpserver serves HTTP).
  docker import "${l[@]}" "${env[@]}" --change 'WORKDIR /app' --change 'CMD ["jshell"]' "$jdk" "$JDK_TAG" >/dev/null
  docker import "${l[@]}" "${env[@]}" --change 'WORKDIR /app' --change 'CMD ["java", "-version"]' "$jre" "$JRE_TAG" >/dev/null
}

tags_of() {
  case $1 in
    python) echo "$PYTHON_TAG" ;; go) echo "$GO_TAG" ;; node) echo "${NODE_TAGS[*]}" ;; java) echo "$JDK_TAG $JRE_TAG" ;;
  esac
}

describe() { # what each image holds, for the log
  case $1 in
    python) echo "python3 with FastAPI, uvicorn and Flask" ;;
    go) echo "the Go 1.19 toolchain" ;;
    node) echo "this machine's Node.js 20 ($HOST_NODE ${HOST_NODE_VERSION:-missing}) with Debian's Express" ;;
    java) echo "Debian's OpenJDK 17, the JDK and the JRE alone" ;;
  esac
}

# Each image in its own job, which writes "<seconds> <exit code>" for the summary. A background job,
# not `build || status=$?`: errexit must stop a build at its first failing command.
declare -A pids
for name in "${stale[@]}"; do
  log "building $(tags_of "$name"): $(describe "$name")"
  (
    started=$SECONDS
    trap 'status=$?; echo "$((SECONDS - started)) $status" >"$work/$name.result"' EXIT
    "build_$name"
  ) &
  pids[$name]=$!
done

failed=()
for name in "${stale[@]}"; do
  wait "${pids[$name]}" || true
  read -r seconds status <"$work/$name.result" 2>/dev/null || { seconds=?; status=1; }
  if [ "$status" -ne 0 ]; then
    failed+=("$name")
    log "$(tags_of "$name"): FAILED after ${seconds} s"
    continue
  fi
  for tag in $(tags_of "$name"); do
    log "$tag: built in ${seconds} s, $(docker image ls --format '{{.Size}}' "$tag")"
  done
done

if [ ${#failed[@]} -gt 0 ]; then
  log "not built: ${failed[*]} (the others asked for are ready)"
  exit 1
fi
log "toolchain images ready: $(for name in "${wanted[@]}"; do tags_of "$name"; done | tr '\n' ' ')"
