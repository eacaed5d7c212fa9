"""Out-of-fold classifier probabilities for every training document: what the linear models learn from.

    minutes cross-fit corpus/train      # or: make model (after `minutes train`, before train-veto)

The task veto and the decision model weigh the classifier's probabilities, so they must be fitted
on probabilities the classifier gave on text it had not seen (model/veto.py says why). Holding
documents out of the shipped classifier did that at a price: it learnt from 350 of the 913
training documents. Cross-fitting pays once, at training time, instead: the training documents
are dealt into FOLDS folds by a hash of their id; for each fold a classifier (no span tagger) is
trained on the other folds and reads the fold's documents. Every document then has probabilities
from a classifier that never saw it, and the shipped classifier trains on all of them.

The fold classifiers are thrown away. What they said is kept in the pipeline
(`OUT_OF_FOLD_FILE`: document id → sentence text → probabilities), so `minutes train-veto`, and
the test that reproduces the shipped linear models, read it instead of training again (the folds
take about half an hour on two cores). A sentence the table lacks — the splitter has changed
since — is scored by the shipped classifier and counted; `minutes train-veto` reports the count,
and rerunning `minutes cross-fit` brings it back to zero.
"""

from __future__ import annotations

import concurrent.futures
import gzip
import json
import pathlib
import tempfile
import zlib

FOLDS = 3
OUT_OF_FOLD_FILE = "out_of_fold.json.gz"

Table = dict[str, dict[str, dict[str, float]]]
"""Document id → sentence text → category probabilities."""


def fold_of(document_id: str, folds: int = FOLDS) -> int:
    """The fold of a document: a hash of its id, so adding documents moves no other."""
    return zlib.crc32(document_id.encode("utf-8")) % folds


def cross_fit(corpus_paths: list[str], pipeline: pathlib.Path, *, folds: int = FOLDS, epochs: int = 15, jobs: int = 1, log=print) -> dict:
    """Train one classifier per fold on the other folds, score the fold's documents with it and
    save the table in `pipeline`. Returns what was saved besides the table."""
    from ..corpus import load_corpus
    from .train import SEED

    documents = sorted((doc for path in corpus_paths for doc in load_corpus(path)), key=lambda d: d.id)
    if any(doc.id.startswith(("dev-", "heldout-")) for doc in documents):
        raise ValueError("refusing to cross-fit on the dev or heldout split (documents with ids dev-*, heldout-*)")
    ids = [doc.id for doc in documents]
    if folds < 2 or any(not any(fold_of(i, folds) == k for i in ids) for k in range(folds)):
        raise ValueError(f"cross-fitting needs at least 2 folds and a document in each ({len(ids)} documents, {folds} folds)")
    table: Table = {}
    with concurrent.futures.ProcessPoolExecutor(max_workers=max(1, min(jobs, folds))) as pool:
        runs = [pool.submit(_fold, corpus_paths, ids, k, folds, epochs) for k in range(folds)]
        for k, run in enumerate(runs):
            table |= run.result()
            log(f"fold {k + 1}/{folds}: {sum(fold_of(i, folds) == k for i in ids)} documents scored")
    about = {"folds": folds, "documents": len(table), "sentences": sum(map(len, table.values())), "epochs": epochs, "seed": SEED}
    save(pipeline / OUT_OF_FOLD_FILE, table, about)
    return about


def _fold(corpus_paths: list[str], ids: list[str], k: int, folds: int, epochs: int) -> Table:
    """Train the classifier of fold `k` (in a process of its own) and score the fold with it."""
    from ..corpus import load_corpus
    from ..pipeline import task_candidates
    from . import predict
    from .train import train

    held = {i for i in ids if fold_of(i, folds) == k}
    with tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp) / "fold"
        train(corpus_paths, folder, epochs=epochs, only=frozenset(ids) - held, spans=False, log=lambda line: None)
        table: Table = {}
        with predict.using(folder):
            for doc in (doc for path in corpus_paths for doc in load_corpus(path) if doc.id in held):
                sentences, _, cats = task_candidates(doc.text, doc.meeting_date)
                table[doc.id] = {s.text: cats[s.start] for s in sentences if s.start in cats}
    return table


def save(path: pathlib.Path, table: Table, about: dict) -> None:
    """Gzipped JSON, the probabilities rounded to 4 places (the features clip them at 1e-4 anyway); the gzip header carries no time, so
    the same table gives the same bytes."""
    from ..atomic import write_atomic

    rounded = {doc: {text: {label: round(p, 4) for label, p in cats.items()} for text, cats in sorted(texts.items())} for doc, texts in sorted(table.items())}
    data = json.dumps({"about": about, "documents": rounded}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    write_atomic(path, gzip.compress(data, compresslevel=9, mtime=0))


def load(pipeline: pathlib.Path) -> tuple[Table, dict]:
    """The pipeline's table and what it was made with; an empty table when there is none."""
    path = pipeline / OUT_OF_FOLD_FILE
    if not path.exists():
        return {}, {}
    saved = json.loads(gzip.decompress(path.read_bytes()))
    return saved["documents"], saved["about"]
