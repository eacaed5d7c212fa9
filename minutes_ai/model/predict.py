"""Run the shipped pipeline: sentence categories and spans, loaded lazily once per process."""

from __future__ import annotations

import functools
import pathlib

from . import PIPELINE_DIR


def pipeline_path() -> pathlib.Path:
    return pathlib.Path(__file__).with_name(PIPELINE_DIR)


def available() -> bool:
    return (pipeline_path() / "config.cfg").exists()


@functools.lru_cache(maxsize=1)
def load():
    """The trained pipeline (spaCy is imported here, not at package import)."""
    import spacy

    from . import tokenizer  # noqa: F401 - the pipeline's config names our tokenizer

    return spacy.load(pipeline_path())


def score(texts: list[str]) -> list[tuple[dict[str, float], list[tuple[int, int, str, float]]]]:
    """For each text: category probabilities and the predicted spans (start, end, label, score)."""
    nlp = load()
    out = []
    for doc in nlp.pipe(texts, batch_size=64):
        spans = []
        group = doc.spans.get("sc")
        if group is not None:
            scores = group.attrs.get("scores")
            for i, span in enumerate(group):
                spans.append((span.start_char, span.end_char, span.label_, float(scores[i]) if scores is not None else 1.0))
        out.append((dict(doc.cats), spans))
    return out
