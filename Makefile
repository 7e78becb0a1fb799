# The README's commands: `make demo` (a first look: grade each challenge's starter kit and senior
# reference), `make up` / `make down` (the whole platform on this machine) and `make test`.
# Each prepares only what it needs (Docker engine, offline base images, PostgreSQL) and is safe to run again.

DOTNET ?= dotnet
CONFIGURATION ?= Release
ASSESS = $(DOTNET) src/Assessments.Cli/bin/$(CONFIGURATION)/net10.0/assess.dll
DEMO_OUT ?= out/demo
ASSESS_PORT ?= 8080
# The toolchain images `make toolchain-images` builds (python go node java); empty: every one.
TOOLCHAINS ?=

.PHONY: cli demo demo-all up down test build docker base-images toolchain-images postgres spectral chromium smoke prepare leftovers bench-load bench-insight bench-grading bench-drain bench-api clean

## A first look: grade each challenge's starter kit and senior reference end to end, print the table.
demo: docker base-images build
	$(ASSESS) reap
	$(ASSESS) demo --out $(DEMO_OUT)
	@scripts/check-leftovers.sh
	@echo "Next: make up (the platform on this machine: the pages interviewers and candidates use)."

## Grade every bundled sample and reference solution (the whole calibration set).
demo-all: docker base-images build
	$(ASSESS) reap
	$(ASSESS) demo --all --out $(DEMO_OUT)
	@scripts/check-leftovers.sh

## The platform in the background: PostgreSQL, the server and one runner worker on 127.0.0.1:$(ASSESS_PORT) (make up ASSESS_PORT=9090),
## an admin, an interviewer, an invitation and two graded submissions; prints the URLs to open.
up: docker base-images toolchain-images postgres build
	@ASSESS_PORT=$(ASSESS_PORT) scripts/platform-up.sh

## Stops the server and the worker that `make up` started (PostgreSQL and the data stay).
down:
	@scripts/platform-down.sh

## Run every test: unit tests, then integration tests against the real Docker engine (scripts/test.sh
## prepares what they need while it builds).
test:
	CONFIGURATION=$(CONFIGURATION) scripts/test.sh
	@scripts/check-leftovers.sh

build:
	$(DOTNET) build Assessments.sln --configuration $(CONFIGURATION) --nologo -v quiet

prepare: docker base-images toolchain-images postgres spectral chromium

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

## The Python, Go, Node.js and Java base images for candidates in those languages, from Debian packages,
## when missing, built side by side; `make toolchain-images TOOLCHAINS="node java"` builds only those.
toolchain-images: docker
	@scripts/ensure-toolchain-images.sh $(TOOLCHAINS)

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

## The queue drained by one runner worker: the whole calibration set queued through the API at once, gradings/hour and platform faults.
bench-drain: prepare build
	bash bench/grading/drain.sh

## Platform at scale: the read endpoints and the upload path under wrk as ratios to /health/live, then 100k queued gradings claimed by 8 workers.
bench-api:
	bash bench/api/run.sh

clean:
	rm -rf out
	$(DOTNET) clean Assessments.sln --nologo -v quiet
