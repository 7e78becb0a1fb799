#!/usr/bin/env bash
# Builds the platform's base images from Debian packages (mmdebstrap) and this machine's .NET SDK,
# because no container registry can be reached from our machines. The images are tagged with the
# names the official images carry, so the same Dockerfiles build offline here and online elsewhere.
# Idempotent: an image whose recipe label matches this script is reused.
set -euo pipefail

log() { printf '[base-images] %s\n' "$*" >&2; }

DOTNET_ROOT_DIR=${DOTNET_ROOT_DIR:-$(dirname "$(readlink -f "$(command -v dotnet)")")}
CACHE_DIR=${ASSESSMENTS_CACHE:-/var/cache/assessments}
SUITE=bookworm
# Changing what goes into the images must change this hash, so stale images are rebuilt.
RECIPE=$(sha256sum "$0" | cut -c1-16)

DEBIAN_TAG=debian:bookworm-slim
SDK_TAG=mcr.microsoft.com/dotnet/sdk:10.0
ASPNET_TAG=mcr.microsoft.com/dotnet/aspnet:10.0
PACKAGES=ca-certificates,libicu72,libssl3,zlib1g,tzdata,libgcc-s1,libstdc++6,passwd

# shellcheck source=scripts/image-recipes.sh
. "$(dirname "$0")/image-recipes.sh"

if [ "$(current $DEBIAN_TAG)" = yes ] && [ "$(current $SDK_TAG)" = yes ] && [ "$(current $ASPNET_TAG)" = yes ]; then
  exit 0
fi

ensure_mmdebstrap

mkdir -p "$CACHE_DIR"
work=$(mktemp -d "$CACHE_DIR/build.XXXXXX")
trap 'rm -rf "$work"' EXIT

rootfs="$CACHE_DIR/$SUITE-$RECIPE.tar"
if [ ! -s "$rootfs" ]; then
  log "building a Debian $SUITE root file system with mmdebstrap (about 30 s)"
  # uid/gid 1654 "app" matches the official .NET images, so `USER $APP_UID` means the same everywhere.
  mmdebstrap --quiet --variant=apt --include="$PACKAGES" \
    --customize-hook='chroot "$1" groupadd --gid 1654 app' \
    --customize-hook='chroot "$1" useradd --uid 1654 --gid 1654 --no-create-home --shell /usr/sbin/nologin app' \
    --customize-hook='rm -rf "$1"/var/cache/apt/archives/*.deb "$1"/var/lib/apt/lists/*' \
    "$SUITE" "$work/rootfs.tar"
  mv "$work/rootfs.tar" "$rootfs"
  find "$CACHE_DIR" -maxdepth 1 -name "$SUITE-*.tar" ! -name "$(basename "$rootfs")" -delete
fi

common_env=(--change "LABEL org.assessments.base=true" --change "LABEL org.assessments.recipe=$RECIPE"
  --change "ENV PATH=/usr/share/dotnet:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
  --change "ENV APP_UID=1654" --change "ENV DOTNET_ROOT=/usr/share/dotnet"
  --change "ENV DOTNET_RUNNING_IN_CONTAINER=true" --change "ENV DOTNET_NOLOGO=true"
  --change "ENV DOTNET_CLI_TELEMETRY_OPTOUT=true")

log "importing $DEBIAN_TAG"
docker import "${common_env[@]}" --change 'CMD ["bash"]' "$rootfs" "$DEBIAN_TAG" >/dev/null

# Each image is the root file system with part of the local .NET installation appended under
# /usr/share/dotnet: one `docker import`, no build context to stream through the builder.
with_dotnet() { # $1 = output tar, rest = paths inside the .NET root
  local out=$1; shift
  cp "$rootfs" "$out"
  tar --append -f "$out" --owner=0 --group=0 -C "$DOTNET_ROOT_DIR" --transform 's,^,usr/share/dotnet/,' "$@"
}

log "importing $ASPNET_TAG from $DOTNET_ROOT_DIR"
with_dotnet "$work/aspnet.tar" dotnet host shared LICENSE.txt ThirdPartyNotices.txt
docker import "${common_env[@]}" --change "ENV ASPNETCORE_HTTP_PORTS=8080" --change "EXPOSE 8080" \
  --change 'WORKDIR /app' "$work/aspnet.tar" "$ASPNET_TAG" >/dev/null
rm -f "$work/aspnet.tar"

log "importing $SDK_TAG from $DOTNET_ROOT_DIR"
with_dotnet "$work/sdk.tar" .
docker import "${common_env[@]}" --change 'WORKDIR /src' "$work/sdk.tar" "$SDK_TAG" >/dev/null

log "base images ready: $DEBIAN_TAG, $ASPNET_TAG, $SDK_TAG"
