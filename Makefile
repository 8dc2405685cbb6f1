# The team's vocabulary. Two commands matter most:
#   make run    serve Dateline on http://127.0.0.1:8080
#   make test   run every test (starts what the tests need first)

GO     ?= go
ADDR   ?= 127.0.0.1:8080
BIN    := bin/dateline
# The shared evaluation data lives beside the repository, not in it.
SHARED ?= ../shared

.PHONY: run build test test-deps db generate check-generated fmt lint eval bench bench-timex chrono fuzz load attack wrk screenshots

run: db build
	$(BIN) serve --addr $(ADDR)

build:
	$(GO) build -o $(BIN) ./cmd/dateline

db:
	@.ci/ensure-postgres

# -count=1: the tests talk to a real database, whose state go test's cache
# cannot see.
test: test-deps
	$(GO) test -count=1 ./...

test-deps:
	@.ci/ensure-test-deps

# Scores the extractor on each set of gold articles, apart, and on
# TempEval-3 (TimeML).
eval: build
	DATELINE_SHARED_DIR=$(SHARED) $(BIN) eval

# Speeds, each next to a baseline measured in the same run: extraction
# against the olebedev/when all-matches loop (and, on the real articles of
# ../shared/eval, against chrono-node), dates (dateline timex) against
# chrono-node on the same real news, ingest against extraction
# alone, batched inserts against row by row, pages at BENCH_EVENTS
# against 100 events, exports of 100,000 against 10,000, wrk on / against
# /healthz. Prints one table and writes it to docs/PERFORMANCE.md.
# Nothing is asserted. The first run builds the BENCH_EVENTS database
# (minutes); later runs reuse it (go run ./cmd/synth drop removes it).
BENCH_EVENTS ?= 1000000
bench: db wrk chrono
	DATELINE_CHRONO_DIR=$(CHRONO_DIR) $(GO) run ./cmd/benchreport -events $(BENCH_EVENTS) -out docs/PERFORMANCE.md

# chrono-node, the JavaScript date parser the real-article rows of make
# bench compare with, installed by npm ci from cmd/benchreport/chrono's
# lock file into a scratch directory, never into the repository. Without
# npm those rows are measured against the when loop alone.
CHRONO_DIR ?= $(or $(TMPDIR),/tmp)/dateline-bench-chrono
CHRONO_LOCK := cmd/benchreport/chrono/package-lock.json
chrono:
	@if command -v npm >/dev/null; then \
		if [ ! -f $(CHRONO_DIR)/node_modules/.package-lock.json ] || [ $(CHRONO_LOCK) -nt $(CHRONO_DIR)/node_modules/.package-lock.json ]; then \
			mkdir -p $(CHRONO_DIR) && cp cmd/benchreport/chrono/package.json $(CHRONO_LOCK) $(CHRONO_DIR)/ && \
			npm ci --prefix $(CHRONO_DIR) --no-audit --no-fund --loglevel=error; \
		fi; \
	else echo "npm is missing: the real-article rows of make bench run without chrono-node"; fi

# The dates alone: dateline timex against chrono-node on the same 4 MiB of
# real news (the shared dev and news articles), in one run.
bench-timex: chrono
	DATELINE_CHRONO_DIR=$(CHRONO_DIR) $(GO) test -count=1 -run '^$$' -bench '^BenchmarkTimexNews$$' \
		-benchtime 5x ./timeline/extract/timex/

# Fuzzes each target for FUZZTIME (default 30s), starting from the seed
# corpora committed in each package's testdata/fuzz/<Target>/ (which
# "make test" runs as plain tests too). A failing input is written there:
# commit it with the fix.
FUZZTIME ?= 30s
FUZZ_TARGETS := \
	./timeline/:FuzzParseDate \
	./timeline/:FuzzSameActor \
	./timeline/extract/:FuzzArticle \
	./timeline/extract/:FuzzPublicationDate \
	./timeline/extract/timex/:FuzzFind \
	./timeline/extract/text/:FuzzLexemes \
	./timeline/export/:FuzzICal \
	./timeline/export/:FuzzReadJSON \
	./timeline/export/:FuzzReadTimelineJSCSV \
	./timeline/feed/:FuzzParse
#
# Go 1.26's fuzzing coordinator can end a run with "context deadline
# exceeded" when -fuzztime runs out on a busy machine, though no input
# failed (golang/go#75804, fixed in Go 1.27): a target that fails without
# writing a failing input to testdata/fuzz/<Target>/ runs once more; one
# that writes one fails at once.
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; corpus=$$pkg/testdata/fuzz/$$name; \
		echo "fuzz $$name ($$pkg) for $(FUZZTIME)"; \
		before=$$(ls $$corpus 2>/dev/null | wc -l); \
		if ! $(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) $$pkg; then \
			if [ "$$(ls $$corpus 2>/dev/null | wc -l)" -gt "$$before" ]; then exit 1; fi; \
			echo "fuzz $$name ended with no failing input (golang/go#75804): once more"; \
			$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) $$pkg; \
		fi; \
	done

# A load run against a served timeline of LOAD_EVENTS events: wrk with
# LOAD_CONNECTIONS connections for LOAD_DURATION; prints requests/s, the
# latency percentiles, errors and the server's memory before and after.
LOAD_EVENTS ?= 10000
LOAD_CONNECTIONS ?= 256
LOAD_DURATION ?= 30s
load: db wrk
	LOAD_EVENTS=$(LOAD_EVENTS) LOAD_CONNECTIONS=$(LOAD_CONNECTIONS) LOAD_DURATION=$(LOAD_DURATION) \
		$(GO) test -count=1 -run '^TestLoad$$' -v -timeout 10m ./cmd/dateline

# The attacks a security probe found, replayed against dateline serve on a
# loopback address, each client with a deadline: stalled export downloads,
# thousands of filter values, a lockout by failed sign-ins. "make test"
# (and so CI) runs it too; this runs it alone, verbosely.
attack: db
	$(GO) test -count=1 -run '^TestAttacksOnALocalServer$$' -v ./cmd/dateline

# PNGs of the pages as the end-to-end tests in Chromium leave them
# (timeline, review, event form...), each at 1280 and 390 pixels wide
# (NAME-1280.png, NAME-390.png), kept in $(SCREENSHOTS): committed, so
# that a change to a page shows in review.
SCREENSHOTS ?= $(CURDIR)/docs/screenshots
screenshots: test-deps
	rm -rf $(SCREENSHOTS)
	DATELINE_SCREENSHOTS=$(SCREENSHOTS) DATELINE_TEST_BROWSER_REQUIRED=1 \
		$(GO) test -count=1 -run '^TestBrowser' ./views
	@echo "screenshots in $(SCREENSHOTS):"; ls $(SCREENSHOTS)

# wrk (the HTTP load generator) for bench and load.
wrk:
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } || \
		{ echo "install wrk (Debian package wrk)"; exit 1; }

generate:
	$(GO) tool templ generate

# Generated templ code is committed; CI fails when it drifts from the .templ
# sources.
check-generated: generate
	@changed=$$(git status --porcelain -- '*_templ.go'); \
	if [ -n "$$changed" ]; then \
		echo "generated templ files are out of date; run make generate and commit:"; \
		echo "$$changed"; exit 1; \
	fi

fmt:
	gofmt -w $$(git ls-files '*.go')
	$(GO) tool templ fmt views

# staticcheck is pinned by the tool directive in go.mod (go get -tool
# honnef.co/go/tools/cmd/staticcheck@VERSION to move it): a tool's modules
# are never linked into bin/dateline. Any finding fails lint, so CI.
lint:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) tool staticcheck ./...
