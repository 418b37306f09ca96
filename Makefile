# projektradar — the commands evaluators run. `make help` lists them.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
CORPUS ?= corpus
OUT    ?= outputs

.DEFAULT_GOAL := help
.PHONY: help setup run test lint format clean evaluate-quotes

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

setup: $(PY) ## Create .venv and install projektradar with its dev tools
	$(PY) -m pip install --quiet -e ".[dev]"

run: ## Process $(CORPUS)/ into $(OUT)/
	$(VENV)/bin/projektradar run $(CORPUS) --out $(OUT)

evaluate-quotes: ## Score quote extraction on SpkAtt-2023 news (LIMIT=N for a quick run)
	$(PY) -m pipeline.evaluation.quotes $(if $(LIMIT),--limit $(LIMIT))

test: ## Run the test suite
	$(PY) -m pytest -q

lint: ## Check code style (ruff)
	$(VENV)/bin/ruff check pipeline tests
	$(VENV)/bin/ruff format --check pipeline tests

format: ## Reformat the code (ruff)
	$(VENV)/bin/ruff check --fix pipeline tests
	$(VENV)/bin/ruff format pipeline tests

clean: ## Remove generated outputs and caches (keeps .venv and the model cache)
	find $(OUT) -mindepth 1 ! -name README.md -exec rm -rf {} +
	rm -rf .pytest_cache .ruff_cache .hypothesis
	find . -name __pycache__ -not -path './$(VENV)/*' -exec rm -rf {} +
