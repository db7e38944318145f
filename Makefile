# Spasm Relief Guide. `make serve` to write, `make test` to check everything.
# Each target bootstraps .venv from the pinned versions (Python 3.11+).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP_INSTALL := $(BIN)/pip install --quiet --disable-pip-version-check -c .ci/constraints.txt
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test bench linkcheck-online review-check clean

serve: $(VENV)/.site ## Live-reloading site at http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.site ## Production build into site/ (strict: any warning fails)
	$(BIN)/mkdocs build --clean

test: $(VENV)/.test ## Build the site, then run every test
	.ci/system-deps.sh
	$(BIN)/mkdocs build --clean
	$(BIN)/pytest

bench: $(VENV)/.test ## Build time and per-page weight
	$(BIN)/python tests/bench.py

linkcheck-online: $(VENV)/.test ## Are the external links alive? Needs the network; never part of `make test`
	$(BIN)/mkdocs build --clean
	$(BIN)/python tests/linkcheck.py --online site

review-check: $(VENV)/.test ## Before a release: fail if any page is past (or within 30 days of) its review date
	$(BIN)/python tests/review_dates.py --days 30

clean:
	rm -rf site $(VENV)

$(VENV)/.pip-25.3:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 or newer is needed"; exit 1; }
	test -x $(BIN)/pip || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check pip==25.3
	touch $@

$(VENV)/.site: pyproject.toml .ci/constraints.txt | $(VENV)/.pip-25.3
	$(PIP_INSTALL) --group site
	touch $@

$(VENV)/.test: pyproject.toml .ci/constraints.txt | $(VENV)/.pip-25.3
	$(PIP_INSTALL) --group test
	touch $@ $(VENV)/.site
