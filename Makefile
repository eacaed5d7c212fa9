# The set-up contract: `make demo` and `make test` work on a fresh machine with nothing installed by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test eval model bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	@for f in samples/*.txt; do \
		echo "== minutes extract $$f"; \
		$(BIN)/minutes extract "$$f" || exit 1; \
	done
	@echo "== minutes run samples/audio/meeting.ogg (offline transcription, then extraction)"
	@$(BIN)/minutes run samples/audio/meeting.ogg --meeting-date 2026-11-24

test: $(STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/minutes eval corpus/train
	$(BIN)/minutes eval corpus/dev --ablation
	$(BIN)/minutes eval corpus/heldout --ablation

# the classifier on all of corpus/train; classifiers on two thirds of it score the third they did
# not see (model/crossfit.py, about half an hour); the task veto and the decision model are fitted
# on those out-of-fold probabilities (model/veto.py says why)
model: $(STAMP)
	$(BIN)/minutes train corpus/train
	$(BIN)/minutes cross-fit corpus/train
	$(BIN)/minutes train-veto corpus/train

bench: $(STAMP)
	$(BIN)/python bench/bench_extract.py

clean:
	rm -rf $(VENV) build *.egg-info
