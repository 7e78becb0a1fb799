# The two commands of the README: `make demo` (grade the bundled samples) and `make test`.
# Each prepares what it needs (Docker engine, offline base images) and is safe to run again.

DOTNET ?= dotnet
CONFIGURATION ?= Release
ASSESS = $(DOTNET) src/Assessments.Cli/bin/$(CONFIGURATION)/net10.0/assess.dll
DEMO_OUT ?= out/demo

.PHONY: demo test build docker base-images chromium prepare leftovers bench-load clean

## Grade every bundled sample and reference submission end to end and write their reports.
demo: prepare build
	$(ASSESS) reap
	$(ASSESS) demo --out $(DEMO_OUT)
	@scripts/check-leftovers.sh
	@echo "Web pages: start the server (scripts/ensure-postgres.sh; Assessments__BootstrapAdminToken=<token> dotnet src/Assessments.Server/bin/$(CONFIGURATION)/net10.0/Assessments.Server.dll --urls http://127.0.0.1:8080)"
	@echo "  then open http://127.0.0.1:8080/signin (interviewers, hiring team: sign in with the token); candidates open http://127.0.0.1:8080/invite/<their invite token>"

## Run every test: unit tests, then integration tests against the real Docker engine.
test: prepare
	CONFIGURATION=$(CONFIGURATION) scripts/test.sh
	@scripts/check-leftovers.sh

build:
	$(DOTNET) build Assessments.sln --configuration $(CONFIGURATION) --nologo -v quiet

prepare: docker base-images chromium

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

clean:
	rm -rf out
	$(DOTNET) clean Assessments.sln --nologo -v quiet
