"""Fit the linear models of the combination from the annotated corpus: the task veto (which rule
drafts are real tasks) and the decision model (which candidate sentences are decisions).

    minutes train-veto corpus/train          # or: make model (after the classifier)

Task veto: each rule draft of each document is one row, its features (`combine.draft_features`)
and a label, 1 when the draft matches a gold task under the scoring's one-to-one matching
(`evaluate.pair_tasks`), else 0. Decision model: each candidate sentence
(`combine.decision_features`) is a row, 1 when it overlaps a gold decision (how decisions are
scored). The classifier's probabilities are among the features, so the rows must come from
probabilities the classifier gave on text it was **not** trained on — on its own training
documents it is right far more often than on new text, and the models would learn to trust it
blindly. The shipped classifier is trained on all of corpus/train, so the rows read the
out-of-fold table (`crossfit`: each document scored by a classifier trained on the other
folds); a document the table lacks is usable only if the pipeline's classifier did not see it
(`train` writes the ids it trained on to `documents.txt` in the pipeline folder).

The penalty (l2) and the threshold are chosen by 5-fold cross-validation over documents, repeated
over three dealings of the documents into folds (pooled out-of-fold F1 of the kept rows, counting
every gold item no row matched as missed, averaged over the dealings);
each model is then fitted on all rows and saved with what it was chosen on. The task veto is
fitted first: the decision model weighs the tasks it leaves.
"""

from __future__ import annotations

import contextlib
import pathlib

import numpy as np

from .linear import LinearModel, fit

DOCUMENTS_FILE = "documents.txt"
FOLDS = 5
REPEATS = 3  # dealings of the documents into folds, averaged (see choose)
TIE = 0.001  # out-of-fold F1 closer than this to the best is a tie (see choose)
L2 = (1.0, 3.0, 10.0, 30.0, 100.0, 300.0)
THRESHOLDS = tuple(round(0.25 + 0.05 * i, 2) for i in range(8))  # 0.25 … 0.60
MIN_DOCUMENTS = 50


def trained_on(pipeline: pathlib.Path) -> frozenset[str]:
    path = pipeline / DOCUMENTS_FILE
    if not path.exists():
        raise ValueError(f"{path} is missing: the documents the classifier was trained on are unknown")
    return document_ids(path)


def document_ids(path: pathlib.Path) -> frozenset[str]:
    """The ids listed in a documents file, one per line (`DOCUMENTS_FILE`, `minutes train --only`)."""
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


class OutOfFold:
    """The out-of-fold table (`crossfit`) read one document at a time; counts the sentences it
    lacked (scored by the pipeline's classifier instead)."""

    def __init__(self, table: dict | None = None):
        self.table = table or {}
        self.asked = 0
        self.missed = 0

    @contextlib.contextmanager
    def reading(self, document_id: str):
        from . import predict

        if document_id not in self.table:
            yield
            return
        with predict.given(self.table[document_id]) as given:
            yield
        self.asked += given.asked
        self.missed += given.missed

    def about(self, made: dict) -> dict:
        return {"folds": made.get("folds"), "sentences": self.asked, "missed": self.missed}


def rows_for(documents, out_of_fold: OutOfFold | None = None) -> tuple[list[dict[str, float]], list[float], list[int], int]:
    """Feature rows, labels and each row's document index; plus the gold tasks no draft matched."""
    from ..combine import draft_features
    from ..evaluate import pair_tasks
    from ..pipeline import task_candidates

    out_of_fold = out_of_fold or OutOfFold()
    rows, labels, groups, missed = [], [], [], 0
    for index, doc in enumerate(documents):
        with out_of_fold.reading(doc.id):
            sentences, drafts, cats = task_candidates(doc.text, doc.meeting_date)
        matched, unmatched = pair_tasks(doc.tasks, drafts, span=lambda draft: (draft.start, draft.end))
        units = [s for s in sentences if not s.heading]
        rows += draft_features(units, drafts, cats)
        labels += [float(i in matched) for i in range(len(drafts))]
        groups += [index] * len(drafts)
        missed += len(unmatched)
    return rows, labels, groups, missed


def decision_rows_for(documents, out_of_fold: OutOfFold | None = None) -> tuple[list[dict[str, float]], list[float], list[int], int]:
    """Feature rows of the decision candidates, labels and each row's document index; plus the
    gold decisions no candidate overlaps."""
    from ..combine import decision_features
    from ..pipeline import decision_candidates
    from ..evaluate import overlaps  # how the scoring matches items, and the training labels sentences

    out_of_fold = out_of_fold or OutOfFold()
    rows, labels, groups, missed = [], [], [], 0
    for index, doc in enumerate(documents):
        with out_of_fold.reading(doc.id):
            weighed = decision_features(*decision_candidates(doc.text, doc.meeting_date))
        rows += [features for _, features in weighed]
        labels += [float(any(overlaps(s.start, s.end, g.start, g.end) for g in doc.decisions)) for s, _ in weighed]
        groups += [index] * len(weighed)
        missed += sum(not any(overlaps(s.start, s.end, g.start, g.end) for s, _ in weighed) for g in doc.decisions)
    return rows, labels, groups, missed


def _f1(kept: np.ndarray, labels: np.ndarray, missed: int) -> float:
    tp = float(labels[kept].sum())
    fp = float(kept.sum()) - tp
    fn = float(labels.sum()) - tp + missed
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def choose(rows, labels, groups, missed, always=None) -> tuple[float, float, float]:
    """(l2, threshold, out-of-fold F1): the strictest threshold whose pooled out-of-fold F1, averaged
    over REPEATS ways of dealing the documents into folds, ties the best (within TIE); rows `always`
    marks (drafts the combination never vetoes) count as kept, as they will be. One dealing alone
    let thresholds 0.05 apart trade places when a rule change moved a handful of rows (stop 18)."""
    y = np.asarray(labels)
    always = np.zeros(len(rows), dtype=bool) if always is None else np.asarray(always, dtype=bool)
    groups = np.asarray(groups)
    dealings = [groups % FOLDS] + [np.random.default_rng(seed).permutation(groups.max() + 1)[groups] % FOLDS for seed in range(1, REPEATS)]
    results = []
    for l2 in L2:
        scores = np.zeros(len(THRESHOLDS))
        for fold in dealings:
            p = np.zeros(len(rows))
            for k in range(FOLDS):
                model = fit([r for r, f in zip(rows, fold) if f != k], y[fold != k], l2)
                p[fold == k] = model.probabilities([r for r, f in zip(rows, fold) if f == k])
            scores += [_f1((p >= threshold) | always, y, missed) for threshold in THRESHOLDS]
        results += [(l2, threshold, float(score)) for threshold, score in zip(THRESHOLDS, scores / len(dealings))]
    return strictest_tie(results)


def strictest_tie(results: list[tuple[float, float, float]], tie: float = TIE) -> tuple[float, float, float]:
    """Of (l2, threshold, F1) results, the highest threshold whose F1 is within `tie` of the best,
    and at that threshold the strongest penalty within `tie` of the threshold's best. Within a
    tie the corpus cannot tell the settings apart; the strictest threshold keeps fewest items
    where the corpus says least —
    panel talk and chat unlike it (VCSum's talk shows gained a third more decisions from 0.45 to
    0.4, a tie of 0.0003) — and the strongest penalty keeps weights from swinging with the last
    documents added (at l2 1.0 a table row's weight turned negative, 0.0001 of F1 from l2 3.0 and 10)."""
    top = max(score for _, _, score in results)
    threshold = max(r[1] for r in results if r[2] >= top - tie)
    at_threshold = [r for r in results if r[1] == threshold]
    best = max(score for _, _, score in at_threshold)
    return max((r for r in at_threshold if r[2] >= best - tie), key=lambda r: r[0])


def train_veto(corpus_paths: list[str], pipeline: pathlib.Path, *, log=print) -> dict:
    """Fit the task veto and the decision model on the corpus documents whose probabilities come
    from a classifier that did not see them: the pipeline's out-of-fold table (`crossfit`) for the
    documents it has, the pipeline's own classifier for documents it was not trained on; a
    document the classifier saw and the table lacks is left out. Save both models in `pipeline`.
    Returns what each was fitted on and chose."""
    from ..combine import never_vetoed
    from ..corpus import load_corpus
    from . import crossfit, predict

    seen = trained_on(pipeline)
    table, made = crossfit.load(pipeline)
    documents = sorted((doc for path in corpus_paths for doc in load_corpus(path)), key=lambda d: d.id)
    if any(doc.id.startswith(("dev-", "heldout-")) for doc in documents):
        raise ValueError("refusing to fit on the dev or heldout split (documents with ids dev-*, heldout-*)")
    usable = [doc for doc in documents if doc.id in table or doc.id not in seen]
    if len(usable) < MIN_DOCUMENTS:
        raise ValueError(
            f"only {len(usable)} documents with probabilities from a classifier that did not see them (need {MIN_DOCUMENTS}): "
            "run `minutes cross-fit`, or train the classifier on fewer documents"
        )
    log(f"{len(usable)} documents: {sum(doc.id in table for doc in usable)} read out of fold, {sum(doc.id not in table for doc in usable)} unseen by the classifier")
    out_of_fold = OutOfFold(table)
    with predict.using(pipeline):
        rows, labels, groups, missed = rows_for(usable, out_of_fold)
        log(f"task veto: {len(rows)} drafts, {int(sum(labels))} real tasks, {missed} gold tasks no draft matched")
        about = {"documents": len(usable), "out_of_fold": out_of_fold.about(made)}
        log(f"  out of fold: {out_of_fold.missed} of {out_of_fold.asked} sentences not in the table (scored by this classifier)")
        task = _fit_and_save(rows, labels, groups, missed, [never_vetoed(row) for row in rows], pipeline / predict.VETO_FILE, about, log)
        predict.forget_fitted()  # the decision model weighs the tasks this veto leaves
        out_of_fold = OutOfFold(table)
        rows, labels, groups, missed = decision_rows_for(usable, out_of_fold)
        log(f"decision model: {len(rows)} candidate sentences, {int(sum(labels))} decisions, {missed} gold decisions no candidate overlaps")
        about = {"documents": len(usable), "out_of_fold": out_of_fold.about(made)}
        decision = _fit_and_save(rows, labels, groups, missed, [bool(row.get("labelled")) for row in rows], pipeline / predict.DECISION_FILE, about, log)
        predict.forget_fitted()
    return {"task_veto": task, "decision_model": decision}


def _fit_and_save(rows, labels, groups, missed, always, path: pathlib.Path, fitted_on: dict, log) -> dict:
    """Choose l2 and the threshold by cross-validation, fit on all rows, save the model at `path`
    with the classifier's fingerprint and what it was chosen on."""
    from .predict import classifier_fingerprint

    l2, threshold, score = choose(rows, labels, groups, missed, always)
    log(f"  cross-validated: l2 {l2}, threshold {threshold}, out-of-fold F1 {score:.4f}")
    model = fit(rows, labels, l2)
    about = {
        "classifier": classifier_fingerprint(path.parent),
        **fitted_on,
        "rows": len(rows),
        "l2": l2,
        "cross_validated_f1": round(score, 4),
    }
    LinearModel(model.weights, model.bias, threshold, about).save(path)
    return about | {"threshold": threshold}
