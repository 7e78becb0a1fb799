#!/usr/bin/env bash
# Code-insight benchmark: builds the benchmark in Release and runs it in a fresh process, so the
# first analysis it prints includes everything a grading's first analysis pays (JIT, reference packs).
set -euo pipefail
# The cohort case needs the PostgreSQL of scripts/ensure-postgres.sh (or ASSESSMENTS_TEST_POSTGRES); pass 0 as the second argument to skip it.
cd "$(dirname "$0")/../.."
dotnet build bench/insight/Assessments.Bench.Insight --configuration Release --nologo -v quiet
dotnet bench/insight/Assessments.Bench.Insight/bin/Release/net10.0/Assessments.Bench.Insight.dll challenges "${1:-100}" "${2:-10000}"
