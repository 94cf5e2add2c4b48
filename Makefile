# luoshi: one task runner. `make demo` and `make test` are all a newcomer needs.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install test lint format demo bench attacks clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "luoshi needs Python 3.11 or newer")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	LUOSHI_HOME=$$(mktemp -d) $(BIN)/luoshi manage makemigrations --check --dry-run

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: lint
	$(BIN)/pytest
	@if [ -n "$$LUOSHI_TEST_DATABASE_URL" ]; then \
	  echo "== the Django suite again, on PostgreSQL"; \
	  LUOSHI_DATABASE_URL="$$LUOSHI_TEST_DATABASE_URL" $(BIN)/pytest luoshi e2e attack -p no:cacheprovider; \
	fi

demo: install
	$(BIN)/luoshi demo

bench: install
	$(BIN)/python -m bench

# the attack suites at the review's full sizes; rewrites the results table in docs/attacks.md
# (on PostgreSQL too when LUOSHI_TEST_DATABASE_URL is set)
attacks: install
	LUOSHI_ATTACK_FULL=1 LUOSHI_ATTACK_RESULTS=docs/attacks.md $(BIN)/pytest attack -p no:cacheprovider
	@if [ -n "$$LUOSHI_TEST_DATABASE_URL" ]; then \
	  LUOSHI_DATABASE_URL="$$LUOSHI_TEST_DATABASE_URL" LUOSHI_ATTACK_FULL=1 \
	  LUOSHI_ATTACK_RESULTS=docs/attacks.md $(BIN)/pytest attack -p no:cacheprovider; \
	fi

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
