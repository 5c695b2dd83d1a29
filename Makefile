# The README's two commands: `make build` and `make test`.
VENV   := .venv
BIN    := $(VENV)/bin
PYTHON ?= python3

.PHONY: build test serve check lint bench clean lock

# `make build ENGINE=zensical`, `make build SITE_URL=https://kommune.example/stavangerstandarden/`
ENGINE   ?= mkdocs
SITE_URL ?=

build: $(VENV)/.installed node_modules/.installed
	$(BIN)/stavangerstandarden build --engine $(ENGINE) $(if $(SITE_URL),--site-url "$(SITE_URL)")

check: $(VENV)/.installed
	$(BIN)/stavangerstandarden check

serve: $(VENV)/.installed
	$(BIN)/stavangerstandarden serve --engine $(ENGINE)

test: $(VENV)/.installed-test node_modules/.installed system-deps
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest $(PYTEST_WORKERS)

# pytest-xdist: one worker per core; whole folders with costly fixtures (tests/conftest.py's
# WHOLE) stay on one worker, costliest first. `make test PYTEST_WORKERS=` runs in one process.
PYTEST_WORKERS ?= -n auto --dist loadscope --no-loadscope-reorder

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: $(VENV)/.installed-test
	$(BIN)/python scripts/benchmark.py $(BENCH)

# Installs come from the lock files (exact versions, hashes), so a fresh clone gets what the
# tests ran with. After changing dependencies in pyproject.toml: `make lock`.
# pip compiles the bytecode of what it installs, but not of an editable package: compileall
# does it for ours, so the first `check` after install does not pay for compiling (a stale
# .pyc after an edit is recompiled by Python, never used).
PIP := $(BIN)/pip --disable-pip-version-check
$(VENV)/.installed: pyproject.toml requirements/build.lock
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --require-hashes -r requirements/build.lock
	$(PIP) install --quiet --no-deps -e .
	$(BIN)/python -m compileall -q generator/stavangerstandarden
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements/test.lock
	$(PIP) install --quiet --require-hashes -r requirements/test.lock
	touch $@

UV_VERSION := 0.13.9
lock: $(VENV)/.installed
	$(PIP) install --quiet uv==$(UV_VERSION)
	$(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 \
		-o requirements/build.lock pyproject.toml
	$(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 --extra test \
		-o requirements/test.lock pyproject.toml

# Not `npm ci`: the lock file cannot list pdfjs-dist's optional per-platform canvas builds
# that this registry does not serve, and `npm ci` refuses such a lock. Versions are pinned
# exactly in package.json, and `npm install` keeps to the lock file where it can.
node_modules/.installed: package.json package-lock.json
	npm install --no-audit --no-fund --loglevel=error
	touch $@

system-deps:
	sh scripts/install-system-deps.sh

clean:
	rm -rf site .site-* .site.lock .cache docs/skjema docs/data docs/omrader docs/generert
