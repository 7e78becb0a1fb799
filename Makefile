# The two commands of the README: `make demo` (grade the bundled samples) and `make test`.
# Each prepares what it needs (Docker engine, offline base images) and is safe to run again.

DOTNET ?= dotnet
CONFIGURATION ?= Release
ASSESS = $(DOTNET) src/Assessments.Cli/bin/$(CONFIGURATION)/net10.0/assess.dll
DEMO_OUT ?= out/demo

.PHONY: cli demo test build docker base-images postgres spectral chromium smoke prepare leftovers bench-load bench-insight bench-grading clean

## Grade every bundled sample and reference submission end to end and write their reports.
demo: prepare build
	$(ASSESS) reap
	$(ASSESS) demo --out $(DEMO_OUT)
	@scripts/check-leftovers.sh
	@echo "Web pages: start the server (README, \"The platform server\"), then open http://127.0.0.1:8080/signin with a user's token;"
	@echo "  candidates open the link http://127.0.0.1:8080/invite/<their invite token>. Pages: README, \"Web pages\"."

## Run every test: unit tests, then integration tests against the real Docker engine.
test: prepare
	CONFIGURATION=$(CONFIGURATION) scripts/test.sh
	@scripts/check-leftovers.sh

build:
	$(DOTNET) build Assessments.sln --configuration $(CONFIGURATION) --nologo -v quiet

prepare: docker base-images postgres spectral chromium

## The `assess` CLI for candidates: a .NET tool package in a local folder feed (out/cli/feed) and a
## self-contained single-file binary for linux-x64 (out/cli/linux-x64/assess) that needs no .NET.
cli:
	$(DOTNET) pack src/Assessments.Cli -c $(CONFIGURATION) -o out/cli/feed --nologo -v quiet
	$(DOTNET) publish src/Assessments.Cli -c $(CONFIGURATION) -r linux-x64 --self-contained -p:PublishSingleFile=true -p:PackAsTool=false -p:IncludeNativeLibrariesForSelfExtract=true -p:WarningsNotAsErrors=IL3000 -o out/cli/linux-x64 --nologo -v quiet
	@echo "tool: dotnet tool install --global assess --add-source $(CURDIR)/out/cli/feed    binary: out/cli/linux-x64/assess"

## Start (and if needed initialise) the PostgreSQL the server tests use, on 127.0.0.1:55432.
postgres:
	@scripts/ensure-postgres.sh

## Install the OpenAPI linter the server tests run, into tools/ (git-ignored).
spectral:
	@scripts/ensure-spectral.sh

## Bring the platform up with docker-compose, drive one grading through it, take it down (minutes).
smoke:
	deploy/smoke.sh

## Start (and if needed install) the Docker engine.
docker:
	@scripts/ensure-docker.sh

## Build the offline base images from Debian packages and the local .NET SDK, when missing.
base-images: docker
	@scripts/ensure-base-images.sh

## Debian's chromium for the web pages' browser tests, when missing.
chromium:
	@scripts/ensure-chromium.sh

leftovers:
	@scripts/check-leftovers.sh

## Load-engine benchmark against wrk (and hey where available), on this machine.
bench-load:
	bash bench/load/run.sh

## Code-insight benchmark: one submission's analysis (cold, warm) and 100 submissions compared pairwise.
bench-insight:
	bash bench/insight/run.sh

## Grading benchmark: each challenge's senior reference ROUNDS times quiet and ROUNDS times beside a CPU hog (level, score spread, faults, time per phase and scenario).
bench-grading: prepare build
	bash bench/grading/run.sh

clean:
	rm -rf out
	$(DOTNET) clean Assessments.sln --nologo -v quiet
