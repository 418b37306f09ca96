# projektradar — the commands evaluators run. `make help` lists them.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
CORPUS ?= corpus
OUT    ?= outputs

.DEFAULT_GOAL := help
.PHONY: help setup browser model run test lint format clean evaluate evaluate-ner evaluate-quotes train-themes evaluate-themes report bench compare docs

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

setup: $(PY) browser ## Create .venv, install projektradar and its dev tools, Chromium for the report test, the German model
	$(PY) -m pip install --quiet -e ".[dev]"
	$(VENV)/bin/projektradar model ensure

# The report's browser test drives the system Chromium (Debian's package; no browser download).
browser: ## Install Debian's Chromium when it is missing (as root, or with sudo without a password)
	@if command -v chromium >/dev/null 2>&1; then exit 0; fi; \
	if ! command -v apt-get >/dev/null 2>&1; then \
	  echo "Chromium fehlt und apt-get ist nicht vorhanden: Chromium mit dem Paketmanager des Systems installieren (Programm 'chromium' im PATH), dann 'make setup' erneut."; exit 1; fi; \
	if [ "$$(id -u)" -eq 0 ]; then sudo=""; \
	elif sudo -n true 2>/dev/null; then sudo="sudo"; \
	else echo "Chromium fehlt. Bitte einmal ausführen: sudo apt-get update && sudo apt-get install -y chromium   – dann 'make setup' erneut."; exit 1; fi; \
	echo "Installiere Chromium (Debian-Paket) für den Browser-Test des Berichts …"; \
	$$sudo apt-get update -qq && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

model: ## Build the German spaCy model offline from ../shared (cached; 9–25 min on 2 cores)
	$(VENV)/bin/projektradar model ensure

run: ## Process $(CORPUS)/ into $(OUT)/
	$(VENV)/bin/projektradar run $(CORPUS) --out $(OUT)

report: ## (Re)build the thematic report $(OUT)/report/ from the tables in $(OUT)/
	$(VENV)/bin/projektradar report --out $(OUT)

evaluate: ## Score people, roles, organisations and programmes against tests/gold/corpus.json (REAL=1: held-out real news; SPLIT=dev, ROUNDS=5,6)
	$(PY) -m pipeline.evaluation.people --corpus $(CORPUS) --out $(OUT) $(if $(REAL),--real $(if $(SPLIT),--split $(SPLIT)) $(if $(ROUNDS),--rounds $(ROUNDS)))

train-themes: ## Train the theme classifier (cross-validated; model + metadata go to the cache)
	$(VENV)/bin/projektradar themes train

evaluate-themes: ## Theme classifier scores (document-grouped CV over hand labels + corpus, masked indicators) → outputs/evaluation/themes.md
	$(VENV)/bin/projektradar themes evaluate --out $(OUT)/evaluation/themes.md

evaluate-ner: ## NER of the pipeline as a run loads it (model + known organisations) on the contemporary held-out test parts → outputs/evaluation/ner.json
	$(VENV)/bin/projektradar model evaluate --out $(OUT) $(if $(LIMIT),--limit $(LIMIT))

evaluate-quotes: ## Score quote extraction on SpkAtt-2023 news (LIMIT=N, SPLIT=dev, ERRORS=file.jsonl, CALIBRATE=1)
	$(PY) -m pipeline.evaluation.quotes $(if $(LIMIT),--limit $(LIMIT)) $(if $(SPLIT),--split $(SPLIT)) $(if $(ERRORS),--errors $(ERRORS)) $(if $(CALIBRATE),--calibrate)

bench: ## Measure throughput, memory, worker scaling and rerun time (DOCS=5120; writes $(OUT)/bench/)
	$(PY) -m pipeline.bench --out $(OUT)/bench $(if $(DOCS),--docs $(DOCS))

compare: ## Tables of this checkout against those of git revision BASE (same model; byte by byte)
	$(PY) -m pipeline.compare $(BASE)

docs: ## Regenerate the README's table documentation from pipeline/schema.py
	$(VENV)/bin/projektradar schema --readme README.md

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
