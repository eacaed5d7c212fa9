"""The classifier computed without spaCy gives spaCy's numbers, and a plain extraction does not
import spaCy at all (it cost 0.6 s of every cold run)."""

import pathlib
import subprocess
import sys

import numpy as np
import pytest
import yaml

from minutes_ai.model import predict
from minutes_ai.model.bow import BowClassifier, UnsupportedModel, string_hash
from minutes_ai.text.segment import words_of


@pytest.mark.parametrize("text", ["a", "会议", "abcdefg", "abcdefgh", "abcdefghi", "王磊负责接口联调，周五前完成", " ", "\n", "D+3", "Tom", "PERSON"])
def test_string_hash_is_spacys(text):
    from spacy.strings import hash_string

    assert string_hash(text) == hash_string(text)


def _corpus_lines(root: pathlib.Path, limit: int) -> list[str]:
    lines = []
    for path in sorted((root / "corpus" / "train").glob("*.yaml"))[:limit]:
        lines += [line for line in yaml.safe_load(path.read_text(encoding="utf-8"))["text"].splitlines() if line.strip()]
    return lines


def test_scores_equal_spacys_on_corpus_lines(root):
    texts = _corpus_lines(root, 40) + ["X", "ORG", "PERSON 负责", "好"]
    nlp = predict.load()
    expected = np.array([[doc.cats[label] for label in predict.classifier().labels] for doc in nlp.pipe(texts, disable=["spancat"])])
    got = np.array([[cats[label] for label in predict.classifier().labels] for cats in predict.categories(texts)])
    assert got.shape == expected.shape
    assert np.abs(got - expected).max() < 1e-5


def test_another_architecture_is_refused(tmp_path):
    (tmp_path / "textcat_multilabel").mkdir()
    (tmp_path / "textcat_multilabel" / "cfg").write_text('{"labels": ["TASK"]}', encoding="utf-8")
    with pytest.raises(UnsupportedModel):
        BowClassifier.load(tmp_path)


def test_words_feed_the_classifier_unchanged():
    bow = predict.classifier()
    (row,) = bow.predict([list(words_of("王磊负责接口联调，本周五前完成。"))])
    assert row[bow.labels.index("TASK")] > 0.5


def test_extracting_a_note_does_not_import_spacy(root):
    code = (
        "import sys, datetime as dt\n"
        "from minutes_ai import extract\n"
        f"text = open({str(root / 'samples' / '项目协调会纪要.txt')!r}, encoding='utf-8').read()\n"
        "m = extract(text, dt.date(2026, 11, 24))\n"
        "assert m.source.extractor.endswith('combined'), m.source.extractor\n"
        "print('spacy' in sys.modules, len(m.tasks))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out[0] == "False"
    assert int(out[1]) > 0


def test_the_classifier_follows_the_pipeline_path(tmp_path, monkeypatch):
    """Cross-validation points `pipeline_path` at each fold's model: a cached classifier from the
    shipped pipeline would score the held-out fold with a model trained on it."""
    shipped = predict.classifier()
    (tmp_path / "textcat_multilabel").mkdir()
    monkeypatch.setattr(predict, "pipeline_path", lambda: tmp_path)
    assert predict.classifier() is None  # nothing readable there: not the shipped one
    monkeypatch.undo()
    assert predict.classifier() is shipped
