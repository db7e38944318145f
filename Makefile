# Spasm Relief Guide. `make serve` to write, `make test` to check everything.
# Each target bootstraps .venv from the pinned versions (Python 3.11+).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP_INSTALL := $(BIN)/pip install --quiet --disable-pip-version-check -c .ci/constraints.txt
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve check build test bench linkcheck-online review-check clean

# The production site: the HTML (strict), then the steps that read it: a PDF of every page and
# of the whole guide (overrides/pdf/build_pdfs.py), made to pass the PDF/UA-1 checks (scripts/pdf_ua.py),
# and the offline bundle (offline plugin) zipped into site/download/. SITE_PDF=true adds the "Download this page as a PDF" links. No step uses the network.
OFFLINE_DIR := build/spasm-relief-guide-offline
define build-site
	SITE_PDF=true $(BIN)/mkdocs build --clean
	$(BIN)/python overrides/pdf/build_pdfs.py site
	$(BIN)/python scripts/pdf_ua.py site
	rm -rf $(OFFLINE_DIR)
	OFFLINE=true $(BIN)/mkdocs build --clean -d $(OFFLINE_DIR)
	mkdir -p site/download
	$(BIN)/python -m zipfile -c site/download/spasm-relief-guide-offline.zip $(OFFLINE_DIR)
endef

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' Makefile | sed -E 's/^([a-z-]+):.*## /  make \1\t/' | expand -t 22

serve: $(VENV)/.site ## Live-reloading site at http://127.0.0.1:8000 (a page not yet in the nav is a warning, not an error)
	$(BIN)/mkdocs serve --no-strict --dev-addr 127.0.0.1:8000

check: $(VENV)/.test ## The fast loop: HTML build (strict) and every test that needs no browser and no PDFs
	$(BIN)/mkdocs build --clean
	$(BIN)/pytest -m "not browser and not pdf"

build: $(VENV)/.build ## Production build into site/ (strict: any warning fails), with PDFs and the offline zip
	.ci/system-deps.sh build
	$(build-site)

test: $(VENV)/.test ## Build the site, then run every test
	.ci/system-deps.sh
	$(build-site)
	$(BIN)/pytest

bench: $(VENV)/.test ## Build time, per-page weight, PDF step time, PDF and zip sizes
	$(BIN)/python tests/bench.py

linkcheck-online: $(VENV)/.site ## Are the external links alive? Needs the network; never part of `make test`
	$(BIN)/mkdocs build --clean
	$(BIN)/python tests/linkcheck.py --online --html-only site

review-check: $(VENV)/.test ## Before a release: fail if any page is past (or within 30 days of) its review date
	$(BIN)/python tests/review_dates.py --days 30

clean:
	rm -rf site build $(VENV)

$(VENV)/.pip-25.3:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 or newer is needed"; exit 1; }
	test -x $(BIN)/pip || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check pip==25.3
	touch $@

$(VENV)/.site: pyproject.toml .ci/constraints.txt | $(VENV)/.pip-25.3
	$(PIP_INSTALL) --group site
	touch $@

$(VENV)/.build: pyproject.toml .ci/constraints.txt | $(VENV)/.pip-25.3
	$(PIP_INSTALL) --group build
	touch $@ $(VENV)/.site

$(VENV)/.test: pyproject.toml .ci/constraints.txt | $(VENV)/.pip-25.3
	$(PIP_INSTALL) --group test
	touch $@ $(VENV)/.build $(VENV)/.site
