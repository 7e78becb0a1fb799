#!/usr/bin/env bash
# Publishes the server and the worker on the host into deploy/out (git-ignored), with the challenges
# beside them, for the images of docker-compose.yml to COPY. Run before `docker-compose build`.
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=${CONFIGURATION:-Release}
rm -rf deploy/out
dotnet publish src/Assessments.Server -c "$configuration" -o deploy/out/server --nologo -v quiet
dotnet publish runner/Assessments.Worker -c "$configuration" -o deploy/out/worker --nologo -v quiet
mkdir -p deploy/out/challenges
cp -r challenges/. deploy/out/challenges/
find deploy/out/challenges -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +
echo "[deploy] published server, worker and challenges into deploy/out" >&2
