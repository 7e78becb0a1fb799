# Sourced by the scripts that build base images from Debian packages (ensure-base-images.sh,
# ensure-toolchain-images.sh): what they share besides their recipes. Nothing here goes into an
# image, so it is not part of any recipe hash. Expects log() and RECIPE from the sourcing script.

current() { # prints "yes" when the tag $1 exists and was made by the recipe $2 (default: $RECIPE)
  [ "$(docker image inspect --format '{{ index .Config.Labels "org.assessments.recipe" }}' "$1" 2>/dev/null)" = "${2:-$RECIPE}" ] && echo yes || true
}

ensure_mmdebstrap() {
  command -v mmdebstrap >/dev/null 2>&1 && return 0
  [ "$(id -u)" -eq 0 ] || { log "mmdebstrap is missing and installing it needs root"; exit 1; }
  log "installing mmdebstrap"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q mmdebstrap >/dev/null
}
