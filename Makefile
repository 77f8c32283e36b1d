# The two commands a new user needs: `make demo` and `make test`.
# Each sets itself up on a fresh machine: a virtual environment in .venv, then the package.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

DEMO_DB := $(VENV)/demo.duckdb

demo: $(STAMP)
	@echo "== Events coded from the bundled sample articles"
	$(BIN)/detente code detente/data/samples/articles.jsonl --format table
	@echo "== The US-Russia expulsions of 2016-2018, stored and analysed"
	@rm -f $(DEMO_DB)
	$(BIN)/detente ingest detente/data/samples/ --db $(DEMO_DB) --progress never
	$(BIN)/detente dyad USA RUS --db $(DEMO_DB) --by month --since 2016-12-01 --until 2018-04-30 --format table --plot demo-dyad.png
	@echo "== Coalitions: many states acting against one target within days"
	$(BIN)/detente coalitions --db $(DEMO_DB) --target RUS --format table
	@echo "== Reciprocity: who answered whom, how fast, in what proportion"
	$(BIN)/detente reciprocity --db $(DEMO_DB) --format table
	@echo "== The dyad plot is in demo-dyad.png"

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/bench_coder.py

clean:
	rm -rf $(VENV) build *.egg-info
