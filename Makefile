# Spasm Relief Guide. `make serve` to write, `make test` to check everything.
# Each target bootstraps .venv from the pinned versions (Python 3.11+).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP_INSTALL := $(BIN)/pip install --quiet --disable-pip-version-check -c .ci/constraints.txt
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve serve-es check build build-zensical test bench linkcheck-online review-check clean

ZENSICAL_VENV := .venv-zensical

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' Makefile | sed -E 's/^([a-z-]+):.*## /  make \1\t/' | expand -t 22

serve: $(VENV)/.site ## Live-reloading site at http://127.0.0.1:8000 (a page not yet in the nav is a warning, not an error)
	$(BIN)/mkdocs serve --no-strict --dev-addr 127.0.0.1:8000

serve-es: $(VENV)/.site ## The Spanish edition (docs-es/), live-reloading at http://127.0.0.1:8001
	$(BIN)/mkdocs serve --no-strict -f mkdocs-es.yml --dev-addr 127.0.0.1:8001

check: $(VENV)/.test ## The fast loop: both editions' HTML (strict) and every test that needs no browser and no PDFs
	$(BIN)/mkdocs build --clean
	$(BIN)/mkdocs build --clean -f mkdocs-es.yml
	$(BIN)/python scripts/languages.py site
	$(BIN)/pytest -m "not browser and not pdf and not zensical"

build: $(VENV)/.build ## Production build into site/ (strict: any warning fails), with PDFs and the offline zip (scripts/build.py)
	.ci/system-deps.sh build
	$(BIN)/python scripts/build.py

build-zensical: $(ZENSICAL_VENV)/.zensical ## The same site built by Zensical into build/zensical-site/ (a test compares the two)
	$(ZENSICAL_VENV)/bin/python scripts/build.py zensical

test: $(VENV)/.test $(ZENSICAL_VENV)/.zensical ## Build the site (and the Zensical copy), then run every test
	.ci/system-deps.sh
	$(BIN)/python scripts/build.py
	$(ZENSICAL_VENV)/bin/python scripts/build.py zensical
	$(BIN)/pytest -n 2

bench: $(VENV)/.test ## Build time, per-page weight, PDF step time, PDF and zip sizes
	$(BIN)/python scripts/bench.py

linkcheck-online: $(VENV)/.site ## Are the external links alive? Needs the network; never part of `make test`
	$(BIN)/mkdocs build --clean
	$(BIN)/mkdocs build --clean -f mkdocs-es.yml
	$(BIN)/python scripts/linkcheck.py --online --html-only site

review-check: $(VENV)/.test ## Before a release: fail if a page is past (or within 30 days of) its review date, or a translation is behind
	$(BIN)/python scripts/review_dates.py --days 30

clean:
	rm -rf site build $(VENV) $(ZENSICAL_VENV)

# A virtual environment with pinned pip, and this folder on its import path (sitebuild/, the
# Markdown extension both generators load by name).
%/.pip-25.3:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 or newer is needed"; exit 1; }
	test -x $*/bin/pip || $(PYTHON) -m venv $*
	$*/bin/pip install --quiet --disable-pip-version-check pip==25.3
	$*/bin/python -c 'import sysconfig, pathlib; pathlib.Path(sysconfig.get_paths()["purelib"], "spasm-relief-guide.pth").write_text("$(CURDIR)\n")'
	touch $@

$(ZENSICAL_VENV)/.zensical: pyproject.toml .ci/constraints.txt | $(ZENSICAL_VENV)/.pip-25.3
	$(ZENSICAL_VENV)/bin/pip install --quiet --disable-pip-version-check -c .ci/constraints.txt --group zensical
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
