# sitrep: two commands do all the set-up on a fresh machine (see README):
#   make demo   install into .venv, ingest the bundled samples into ./sitrep.db, print the report
#   make test   install (incl. PostgreSQL and Chromium for the real-component tests), lint, type-check, test
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint typecheck pytest bench docs system-deps clean

$(BIN)/.installed: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: $(BIN)/.installed

demo: $(BIN)/.installed
	$(BIN)/sitrep demo --serve

system-deps:
	bash scripts/system-deps.sh

lint: $(BIN)/.installed
	$(BIN)/ruff check sitrep tests benchmarks scripts

typecheck: $(BIN)/.installed
	$(BIN)/mypy

pytest: $(BIN)/.installed
	bash scripts/pytest.sh

test: system-deps lint typecheck pytest

bench: $(BIN)/.installed
	for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

docs: $(BIN)/.installed
	$(BIN)/python scripts/gen_docs.py

clean:
	rm -rf $(VENV) sitrep.db* .pytest_cache .mypy_cache .ruff_cache artifacts
