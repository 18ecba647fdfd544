# Two commands set everything up on a fresh machine: `make demo` and `make test` (see README.md).
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The stamp is named by a hash of what the install reads, so editing either file reinstalls (nbdev-export
# rewrites pyproject.toml on every run, so its modification time cannot be used).
STAMP := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | sha1sum | cut -c1-12)
export OMP_NUM_THREADS := 1
export MUJOCO_GL := egl
export WANDB_MODE := offline
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# What nbdev-clean, nbdev-export and the README generator may touch: any change there fails `make test`.
SYNCED := nbs quantumleap_pose README.md
snapshot = find $(SYNCED) -type f -not -path '*/__pycache__/*' -not -path '*/.ipynb_checkpoints/*' \
	-not -name nbdev.yml -not -name sidebar.yml -not -path '*/.hypothesis/*' | LC_ALL=C sort | xargs sha1sum
# pip's output goes to a log, shown only when pip fails
pip = $(BIN)/pip install -q $(1) > $(VENV)/pip.log 2>&1 || { cat $(VENV)/pip.log; echo "pip install failed (its log is above)"; exit 1; }

.PHONY: help install demo test test-slow sync-check nbtest docs readme bench clean

help:
	@echo "make demo   set up .venv (if needed) and run the demo"
	@echo "make test   set up .venv (if needed), check notebooks/package/README are in sync, run every test"
	@echo "make test-slow   the same, and also the notebook cells flagged #| slow"
	@echo "make docs   the offline docs site in _docs/ (Sphinx)     make readme   README.md from nbs/index.ipynb"
	@echo "make bench  run the benchmarks in bench/                   make clean    remove build outputs"

# Installs once; again only when the content of requirements.txt or pyproject.toml changes.
$(STAMP):
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "installing pinned dependencies into $(VENV) (torch first) ..."
	@$(call pip,"$$(grep -E '^torch==' requirements.txt)")
	@$(call pip,-r requirements.txt)
	@$(call pip,--no-deps --no-build-isolation -e .)
	@rm -f $(VENV)/.installed-*; touch $@

install: $(STAMP)

demo: install
	$(BIN)/qlpose demo

sync-check: install
	@$(snapshot) > $(VENV)/sync.before
	@$(BIN)/nbdev-clean
	@$(BIN)/nbdev-export
	@$(BIN)/python tools/docs.py readme
	@$(snapshot) > $(VENV)/sync.after
	@if ! cmp -s $(VENV)/sync.before $(VENV)/sync.after; then \
	  echo "ERROR: nbdev-clean / nbdev-export / the README generator changed these files:"; \
	  diff $(VENV)/sync.before $(VENV)/sync.after | grep '^[<>]' | awk '{print "   " $$3}' | sort -u || true; \
	  echo "The notebooks were not clean, or quantumleap_pose/ or README.md were out of sync with nbs/."; \
	  echo "They are fixed in your working tree now: review and commit them, then run 'make test' again."; \
	  exit 1; fi
	@echo "sync check: notebooks clean, package and README in sync"

nbtest: install
	$(BIN)/nbdev-test --timing $(NBTEST_FLAGS)

docs: install
	$(BIN)/python tools/docs.py html

readme: install
	$(BIN)/python tools/docs.py readme

test: sync-check nbtest docs
	@if compgen -G 'tests/test_*.py' > /dev/null; then $(BIN)/pytest -q tests; fi

test-slow: NBTEST_FLAGS = --flags slow
test-slow: test

bench: install
	@for f in bench/fk.py bench/simulation.py bench/dataset.py bench/train.py bench/streaming.py bench/mocap_checks.py; do echo "== $$f"; $(BIN)/python $$f; done

clean:
	rm -rf _docs _proc _sphinx build dist *.egg-info demo_out
