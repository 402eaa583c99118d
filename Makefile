# Offentlig AI — everyday commands. `make help` lists them.
# The first two are all a newcomer needs: `make serve` and `make test`.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt pyproject.toml | cksum | cut -d' ' -f1)
NODE_STAMP := node_modules/.installed-$(shell cat package-lock.json | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve serve-fast build pdf lint test test-fast test-js audit example review bench profile translations publish offline serve-nginx clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	rm -f $(VENV)/.installed-*
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The preview runs at the root of 127.0.0.1:$(PORT), whatever address the site is published at.
PORT ?= 8000
serve: $(STAMP) ## Serve the site at http://127.0.0.1:8000 with live reload (PORT=… for another port)
	SITE_URL=http://127.0.0.1:$(PORT)/ $(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

# For writing: Swedish pages only (the i18n plugin's build_only_locale), and after an edit only
# the changed pages are rebuilt (--dirty). Navigation, titles and data files may show stale
# until `make serve`; English is not offered, as it would move to the site root. Not strict:
# MkDocs warns about every dirty build; problems are still printed, and `make test` fails on them.
serve-fast: $(STAMP) ## Quicker preview for writers: Swedish only, rebuilds only changed pages
	BUILD_ONLY_LOCALE=sv SITE_URL=http://127.0.0.1:$(PORT)/ $(BIN)/mkdocs serve --dirty --no-strict --dev-addr 127.0.0.1:$(PORT)

build: $(STAMP) ## Build the site strictly into site/
	$(BIN)/mkdocs build --strict

# The print documents as PDF need Chromium and Playwright (requirements-dev.txt), which the plain
# build and the container do not have: until this runs, the start pages show no PDF link.
pdf: build ## The whole guide and the trust model's questions as PDF, into site/pdf/ (needs Chromium)
	$(BIN)/python -m scripts.pdf --site-dir site

lint: $(STAMP) $(NODE_STAMP) ## Run every check a pull request must pass (pre-commit, no network needed)
	PRE_COMMIT_HOME=$(CURDIR)/.cache/pre-commit $(BIN)/pre-commit run --all-files --show-diff-on-failure

test: $(STAMP) $(NODE_STAMP) lint test-js ## Run the whole test suite (lint, unit, builds, built-site checks, browser)
	$(BIN)/python -m pytest

# Quick feedback while working: unit tests and fixture-site builds; no browser and no build of
# the whole site (those run in `make test`).
test-fast: $(STAMP) $(NODE_STAMP) test-js ## Quick feedback: the tests that need neither a browser nor the whole site built
	$(BIN)/python -m pytest -m "not browser and not site" -n 2 -q

# Node's own test runner on the browser code's pure modules (tests/js/); scripts/js_coverage.mjs
# fails the run when the line coverage of docs/assets/javascripts/core/ is under 90 %.
# The tests read the real model and rules through the hook package, hence $(STAMP).
test-js: $(STAMP) $(NODE_STAMP) ## Unit tests of the browser code (node --test), with line coverage of core/
	node --test --experimental-test-coverage \
	  --test-reporter=spec --test-reporter-destination=stdout \
	  --test-reporter=./scripts/js_coverage.mjs --test-reporter-destination=stdout tests/js/

audit: $(STAMP) $(NODE_STAMP) ## Lighthouse, page weight, build speed and the Nu HTML Checker (needs Java): build/audit/report.md
	AUDIT_COMMAND="make audit" $(BIN)/python -m scripts.audit

example: $(STAMP) ## Create the files of a new example: make example ID=goteborg-chattbot ORG="Göteborgs stad"
	$(BIN)/python scripts/new_example.py $(ID) --organisation "$(ORG)"

# `make review --check`: make reads --check as an abbreviation of its own option
# --check-symlink-times (-L), harmless here, which then shows as "L" in MAKEFLAGS; the review
# runs in check mode. `make review CHECK=1` does the same.
REVIEW_CHECK = $(if $(or $(CHECK),$(findstring L,$(firstword $(filter-out -% %=%,$(MAKEFLAGS))))),--check)
review: $(STAMP) ## The maintainers' work queue: examples by age of status and review; `make review --check` fails when one is overdue
	$(BIN)/python scripts/review.py $(REVIEW_CHECK)

bench: $(STAMP) $(NODE_STAMP) ## Measure how the example collection scales: make bench N=1000
	$(BIN)/python -m scripts.bench_examples -n $(or $(N),1000)

profile: $(STAMP) ## Profile a strict build (cProfile): the top functions by own time in build/profile.txt (REBUILD=1: a serve rebuild)
	$(BIN)/python -m scripts.profile_build $(if $(REBUILD),--rebuild)

publish: $(STAMP) ## Publish an edition with mike: make publish VERSION=2026.1 [PUSH=1]
	@test -n "$(VERSION)" || { echo "usage: make publish VERSION=2026.1 [PUSH=1]" >&2; exit 2; }
	VERSION_PROVIDER=mike $(BIN)/python scripts/publish.py "$(VERSION)" $(if $(PUSH),--push)

offline: $(STAMP) $(NODE_STAMP) ## Build the offline zip (opens from the file system, PDFs included): build/offentligai-offline.zip
	$(BIN)/python scripts/offline_bundle.py

# Built for the address it is served at, so that the 404 page finds its styles and scripts.
NGINX_PORT ?= 8080
serve-nginx: $(STAMP) ## Build for and serve site/ through the tested nginx configuration at http://127.0.0.1:8080 (NGINX_PORT=…)
	SITE_URL=http://127.0.0.1:$(NGINX_PORT)/ $(BIN)/mkdocs build --strict
	$(BIN)/python deploy/nginx/serve.py site --port $(NGINX_PORT)

translations: $(STAMP) ## List pages without English text or with outdated English text
	$(BIN)/python scripts/translations.py --check

clean: ## Remove built files and installed tools
	rm -rf site build $(VENV) node_modules .pytest_cache .cache
