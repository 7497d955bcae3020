# The two commands of the README (serve, test), and the quick loop (check). Each sets up what it
# needs in .venv on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# Two pytest workers: the machines here have two cores.
PYTEST_WORKERS ?= 2

.PHONY: serve build test check lint golden clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstalled only when the package's metadata changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[i18n]'
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

# Install the package and serve the demo site on http://127.0.0.1:8000
serve: $(VENV)/.installed
	$(BIN)/mkdocs serve

# Install the package and build the demo site into site/ (strict: warnings fail)
build: $(VENV)/.installed
	$(BIN)/mkdocs build --strict

# Lint and type-check
lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/mypy

# The quick loop: lint, types, unit, golden, build and Node tests; no browser, no wheel, no run of
# the guide's commands, no Zensical build of the whole demo, and the broken inputs through `playbooks validate` only, not `mkdocs
# build` each (times measured in CONTRIBUTING)
check: lint
	scripts/install-yaml-language-server
	$(BIN)/pytest -q -n $(PYTEST_WORKERS) -m "not browser and not package and not corpus_build and not cache_demo and not guide_commands and not engine_demo"

# Everything: Debian's Chromium for the browser tests, then lint, types and every test
test: lint
	scripts/install-chromium
	scripts/install-yaml-language-server
	$(BIN)/pytest -n $(PYTEST_WORKERS)

# Rewrite the expected files of the golden tests from the code (review the diff!)
golden: $(VENV)/.installed-test
	$(BIN)/pytest -q tests/test_golden_pages.py tests/test_golden_errors.py --update-golden

clean:
	rm -rf $(VENV) site .pytest_cache .mypy_cache .ruff_cache
