"""Run the shipped pipeline: sentence categories and spans, loaded lazily once per process."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import pathlib

from . import PIPELINE_DIR

_chosen: pathlib.Path | None = None


def pipeline_path() -> pathlib.Path:
    """The pipeline folder in use: the shipped one, or the one `using` chose."""
    return _chosen or pathlib.Path(__file__).with_name(PIPELINE_DIR)


@contextlib.contextmanager
def using(path: pathlib.Path):
    """Run the pipeline in `path` instead of the shipped one inside the block: fitting the linear
    models of a retrained pipeline must read its classifier's probabilities, not the shipped one's."""
    global _chosen
    before, _chosen = _chosen, path
    try:
        yield
    finally:
        _chosen = before


def available() -> bool:
    return (pipeline_path() / "config.cfg").exists()


def load():
    """The trained pipeline (spaCy is imported here, not at package import), once per path: a
    tool that points `pipeline_path` elsewhere (cross-validation) gets that pipeline."""
    return _load(pipeline_path())


@functools.lru_cache(maxsize=2)
def _load(path: pathlib.Path):
    import spacy

    from . import tokenizer  # noqa: F401 - the pipeline's config names our tokenizer

    return spacy.load(path)


def classifier():
    """The sentence classifier computed with numpy (`bow`), or None when the pipeline's
    classifier is another architecture (then spaCy runs it). Once per path, like `load`."""
    return _classifier(pipeline_path())


@functools.lru_cache(maxsize=2)
def _classifier(path: pathlib.Path):
    from .bow import BowClassifier, UnsupportedModel

    try:
        return BowClassifier.load(path)
    except UnsupportedModel:
        return None


VETO_FILE = "task_veto.json"
DECISION_FILE = "decision_model.json"


def classifier_fingerprint(path: pathlib.Path | None = None) -> str:
    """A short hash of the saved sentence classifier: the linear models are fitted on its
    probabilities and record which classifier that was."""
    saved = (path or pipeline_path()) / "textcat_multilabel" / "model"
    stat = saved.stat()
    return _fingerprint(saved, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=4)
def _fingerprint(saved: pathlib.Path, mtime_ns: int, size: int) -> str:
    # once per file version: both linear models check it, and the file is 5 MB (a retrained
    # classifier has another mtime, so it is hashed again)
    return hashlib.sha256(saved.read_bytes()).hexdigest()[:16]


def task_veto():
    """The task veto saved in the pipeline folder (see `fitted`)."""
    return fitted(VETO_FILE)


def decision_model():
    """The decision model saved in the pipeline folder (see `fitted`)."""
    return fitted(DECISION_FILE)


def fitted(name: str):
    """A linear model (`linear.LinearModel`) saved as `name` in the pipeline folder, once per
    path; None when there is none, or when it was fitted on another classifier's probabilities
    (a pipeline retrained without `minutes train-veto`): its weights would mean nothing then."""
    return _fitted(pipeline_path(), name)


def forget_fitted() -> None:
    """Drop the linear models read so far: `minutes train-veto` saves new ones over them."""
    _fitted.cache_clear()


@functools.lru_cache(maxsize=8)
def _fitted(path: pathlib.Path, name: str):
    from .linear import LinearModel

    saved = path / name
    if not saved.exists():
        return None
    model = LinearModel.load(saved)
    return model if model.about.get("classifier") == classifier_fingerprint(path) else None


class Given:
    """Probabilities known in advance for some texts (`given`), and how many texts were not."""

    def __init__(self, table: dict[str, dict[str, float]]):
        self.table = table
        self.asked = 0
        self.missed = 0


_given: Given | None = None


@contextlib.contextmanager
def given(table: dict[str, dict[str, float]]):
    """Inside the block `categories` answers from `table` (text → probabilities) and runs the
    classifier only on texts it lacks: the linear models are fitted on probabilities the
    classifier gave on text it had not seen (`crossfit`), not on what the shipped classifier,
    trained on that text, says now. The yielded `Given` counts the texts the table lacked."""
    global _given
    before, _given = _given, Given(table)
    try:
        yield _given
    finally:
        _given = before


def categories(texts: list[str]) -> list[dict[str, float]]:
    """Category probabilities (TASK, DECISION, QUESTION, DONE, INFO) for each text.

    Only the classifier runs: it is a bag of words, cheap enough for every sentence, and run
    without importing spaCy (see `bow`).
    """
    if _given is None:
        return _classify(texts)
    known = _given
    known.asked += len(texts)
    unknown = [text for text in texts if text not in known.table]
    known.missed += len(unknown)
    computed = dict(zip(unknown, _classify(unknown))) if unknown else {}
    return [dict(known.table[text]) if text in known.table else computed[text] for text in texts]


def _classify(texts: list[str]) -> list[dict[str, float]]:
    bow = classifier()
    if bow is None:
        nlp = load()
        return [dict(doc.cats) for doc in nlp.pipe(texts, batch_size=128, disable=["spancat"])]
    from . import doc_words

    probabilities = bow.predict([doc_words(text) for text in texts])
    return [dict(zip(bow.labels, map(float, row))) for row in probabilities]


def spans(texts: list[str]) -> list[list[tuple[int, int, str, float]]]:
    """Predicted owner/deadline/criteria spans (start, end, label, score) for each text.

    The span tagger scores every n-gram of every sentence; callers run it only on the few
    sentences that need fields from the model. No texts, no spaCy import.
    """
    if not texts:
        return []
    nlp = load()
    out = []
    for doc in nlp.pipe(texts, batch_size=32, disable=["textcat_multilabel"]):
        found = []
        group = doc.spans.get("sc")
        if group is not None:
            scores = group.attrs.get("scores")
            for i, span in enumerate(group):
                found.append((span.start_char, span.end_char, span.label_, float(scores[i]) if scores is not None else 1.0))
        out.append(found)
    return out


def score(texts: list[str]) -> list[tuple[dict[str, float], list[tuple[int, int, str, float]]]]:
    """Categories and spans for each text (both components on every text)."""
    return list(zip(categories(texts), spans(texts)))
