# The two commands a web team needs: `make site` and `make test`.
SWIFT ?= swift
PYTHON := .venv/bin/python
# Dates in tests are judged against a fixed day so that results never depend on when they run.
TEST_TODAY := 2026-11-23

.PHONY: site test build test-swift test-python test-sanitizers bench clean theme schema

## Build the demo site into public/ (installs cmark-gfm from Debian when missing).
site:
	@scripts/install-build-deps.sh
	$(SWIFT) build -c release --product localoffer
	.build/release/localoffer build --content content --templates templates --output public
	@echo "The site is in $(CURDIR)/public/ — open public/index.html through any static web server."

## Run every test: Swift unit and end-to-end tests, then the Python schema and browser suites.
test: test-swift test-python

test-swift:
	@scripts/install-build-deps.sh
	python3 scripts/embed-theme.py --check
	$(SWIFT) build --product localoffer
	.build/debug/localoffer schema --check
	$(SWIFT) test

test-python:
	@scripts/install-test-tools.sh
	rm -rf .build/test-site .build/test-site-second
	LOCALOFFER_TODAY=$(TEST_TODAY) .build/debug/localoffer build --content content --templates templates --output .build/test-site --strict
	# A second, differently written council (no synonyms.yml): search must not be tuned to the demo.
	LOCALOFFER_TODAY=$(TEST_TODAY) .build/debug/localoffer build --content tests/fixtures/second-council/content --templates templates --output .build/test-site-second --strict
	LOCALOFFER_TEST_SITE=.build/test-site LOCALOFFER_TEST_SITE_SECOND=.build/test-site-second $(PYTHON) -m pytest -q tests

## Run the Swift tests under AddressSanitizer (with LeakSanitizer) and ThreadSanitizer, each in its own
## build folder (.build-asan, .build-tsan). Leaks inside XCTest and Foundation are suppressed
## (scripts/lsan-suppressions.txt); any other leak, memory error or data race fails the target.
test-sanitizers:
	@scripts/install-build-deps.sh
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan-suppressions.txt:print_suppressions=0 \
		$(SWIFT) test --sanitize=address --scratch-path .build-asan
	TSAN_OPTIONS=second_deadlock_stack=1 $(SWIFT) test --sanitize=thread --scratch-path .build-tsan

## Embed templates/ in the binary as the built-in theme (Sources/LocalOfferTheme/EmbeddedTheme.swift);
## run after changing any template or asset, and commit both. `make test` fails while they differ.
theme:
	python3 scripts/embed-theme.py

## Write schema/*.schema.json and the field tables of docs/content-format.md from the field catalogue
## (Sources/LocalOfferModel/Catalogue/); run after changing a field there, and commit the result.
## `make test` fails while they differ.
schema:
	@scripts/install-build-deps.sh
	$(SWIFT) build --product localoffer
	.build/debug/localoffer schema --write

## Time localoffer against Hugo and Pagefind on 1,000, 10,000 and 100,000 generated services
## (installs Hugo and Pagefind when missing); writes bench/RESULTS.md. About 30 minutes on 2 cores.
bench:
	@scripts/install-build-deps.sh
	python3 bench/bench.py

clean:
	rm -rf .build .build-asan .build-tsan .build-fuzz public/* .public.spare
