#!/usr/bin/env bash
# Fails when any container, network, image or volume labelled by the runner is still on this machine:
# every grading must clean up after itself, whatever its outcome.
set -euo pipefail
label=org.assessments.managed=true
containers=$(docker ps -aq --filter "label=$label")
networks=$(docker network ls -q --filter "label=$label")
images=$(docker images -aq --filter "label=$label")
volumes=$(docker volume ls -q --filter "label=$label")
if [ -n "$containers$networks$images$volumes" ]; then
  echo "leftovers of gradings remain:" >&2
  [ -z "$containers" ] || docker ps -a --filter "label=$label" >&2
  [ -z "$networks" ] || docker network ls --filter "label=$label" >&2
  [ -z "$images" ] || docker images -a --filter "label=$label" >&2
  [ -z "$volumes" ] || docker volume ls --filter "label=$label" >&2
  exit 1
fi
echo "no grading leftovers (containers, networks, images, volumes labelled $label)"
