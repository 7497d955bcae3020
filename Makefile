# The two commands of the README. Each sets up everything it needs in .venv on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Install the package and serve the demo site on http://127.0.0.1:8000
serve: $(BIN)/python
	$(BIN)/pip install --quiet -e .
	$(BIN)/mkdocs serve

# Install the package and build the demo site into site/ (strict: warnings fail)
build: $(BIN)/python
	$(BIN)/pip install --quiet -e .
	$(BIN)/mkdocs build --strict

# Install the package with its test tools and Debian's Chromium (browser tests), then lint,
# type-check and run every test
test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	scripts/install-chromium
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest

clean:
	rm -rf $(VENV) site .pytest_cache .mypy_cache .ruff_cache
