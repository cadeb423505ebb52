# One task runner. `make demo` and `make test` are the two set-up commands of README.md:
# each creates .venv and installs everything (spaCy pipeline included) on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
EVALDATA ?= ../shared/evaldata

.PHONY: install demo test lint format eval gate bench bench-store clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/newsgraph analyze examples/ --format jsonl --out demo-output/articles.jsonl
	@echo "Records written to demo-output/articles.jsonl"
	$(BIN)/newsgraph ingest examples/ --db demo-output/demo.duckdb
	$(BIN)/newsgraph query actors --db demo-output/demo.duckdb --top 8
	$(BIN)/newsgraph query quotes --db demo-output/demo.duckdb --speaker "Daniel Harper" --limit 5
	$(BIN)/newsgraph query search "reward arrest" --db demo-output/demo.duckdb --limit 3
	$(BIN)/newsgraph query clusters --db demo-output/demo.duckdb --source USA --limit 5
	@echo "Corpus database: demo-output/demo.duckdb (try: newsgraph sql \"SELECT ...\" --db demo-output/demo.duckdb)"

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

format: install
	$(BIN)/ruff check --fix src tests bench
	$(BIN)/ruff format src tests bench

test: lint
	$(BIN)/python -m pytest -q

# Quality gate on public gold data (needs $(EVALDATA)); fails when a score drops below its floor.
gate: install
	$(BIN)/newsgraph eval gate --data $(EVALDATA) --floors quality-floors.toml

eval: gate

bench: install
	$(BIN)/python bench/bench_pipeline.py --data $(EVALDATA)/bbc-news

# Query latency of the canned corpus questions on a database built by `newsgraph ingest`.
bench-store: install
	$(BIN)/python bench/bench_store.py --db $(DB)

clean:
	rm -rf $(VENV) demo-output .pytest_cache .mypy_cache .ruff_cache
