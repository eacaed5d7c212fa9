"""Cross-fitting (model/crossfit.py): every training document scored by a classifier that did not
see it, kept in the pipeline so the linear models are fitted on those probabilities."""

import json
import shutil

import pytest

from minutes_ai.model import crossfit, predict
from minutes_ai.model.train import train
from minutes_ai.model import veto
from minutes_ai.model.veto import OutOfFold, rows_for
from minutes_ai.pipeline import task_candidates

# two folds of the five (crc32 of the id): 001-003 in fold 0, 004-005 in fold 1
FIVE = [f"train-formal-00{i}" for i in range(1, 6)]


@pytest.fixture(scope="module")
def crossfitted(tmp_path_factory, root):
    """A copy of the shipped pipeline with the out-of-fold table of five documents (2 folds, 1 epoch)."""
    folder = tmp_path_factory.mktemp("crossfit")
    corpus = folder / "corpus"
    corpus.mkdir()
    for name in FIVE:
        shutil.copy(root / "corpus" / "train" / f"{name}.yaml", corpus)
    pipeline = folder / "pipeline"
    shutil.copytree(predict.pipeline_path(), pipeline, ignore=shutil.ignore_patterns(crossfit.OUT_OF_FOLD_FILE))
    about = crossfit.cross_fit([str(corpus)], pipeline, folds=2, epochs=1, jobs=2, log=lambda line: None)
    return corpus, pipeline, about


def test_the_folds_are_a_hash_of_the_id():
    assert [crossfit.fold_of(i, 2) for i in FIVE] == [0, 0, 0, 1, 1]


def test_every_sentence_of_every_document_is_scored_by_the_classifier_of_the_other_fold(crossfitted, tmp_path):
    corpus, pipeline, about = crossfitted
    table, saved = crossfit.load(pipeline)
    assert saved == about and about["folds"] == 2 and sorted(table) == FIVE
    # the classifier of fold 1 is the one trained on fold 0's documents alone
    train([str(corpus)], tmp_path / "fold1", epochs=1, only=frozenset(FIVE[:3]), spans=False, log=lambda line: None)
    from minutes_ai.corpus import load_corpus

    doc = next(d for d in load_corpus(corpus) if d.id == "train-formal-004")
    with predict.using(tmp_path / "fold1"):
        sentences, _, cats = task_candidates(doc.text, doc.meeting_date)
    expected = {s.text: {label: round(p, 4) for label, p in cats[s.start].items()} for s in sentences if s.start in cats}
    assert table["train-formal-004"] == expected and len(expected) > 10


def test_given_probabilities_answer_and_the_rest_is_classified_and_counted():
    known = {"王磊负责接口联调，本周五前完成。": {"TASK": 0.01, "DECISION": 0.02, "QUESTION": 0.03, "DONE": 0.04, "INFO": 0.05}}
    shipped = predict.categories(["接口上周已完成。"])
    with predict.given(known) as given:
        answers = predict.categories(["王磊负责接口联调，本周五前完成。", "接口上周已完成。"])
    assert answers == [known["王磊负责接口联调，本周五前完成。"], shipped[0]]
    assert (given.asked, given.missed) == (2, 1)
    assert predict.categories(["王磊负责接口联调，本周五前完成。"])[0]["TASK"] > 0.5  # outside the block, the classifier


def test_the_veto_rows_read_the_table_for_documents_the_classifier_saw(crossfitted):
    corpus, pipeline, _ = crossfitted
    from minutes_ai.corpus import load_corpus

    documents = sorted(load_corpus(corpus), key=lambda d: d.id)
    table, _ = crossfit.load(pipeline)
    out_of_fold = OutOfFold(table)
    with predict.using(pipeline):
        rows, _, _, _ = rows_for(documents, out_of_fold)
        shipped_rows, _, _, _ = rows_for(documents)
    assert out_of_fold.missed == 0 and out_of_fold.asked == sum(map(len, table.values()))
    assert rows != shipped_rows  # a one-epoch fold classifier is far from the shipped one


def test_train_veto_fits_on_the_documents_the_table_has(crossfitted, tmp_path, monkeypatch):
    corpus, shipped, about = crossfitted
    pipeline = tmp_path / "pipeline"
    shutil.copytree(shipped, pipeline)
    # every one of the five is among the shipped classifier's training documents: only the table makes them usable
    assert set(FIVE) <= veto.trained_on(pipeline)
    monkeypatch.setattr(veto, "MIN_DOCUMENTS", 5)
    fitted = veto.train_veto([str(corpus)], pipeline, log=lambda line: None)
    saved = json.loads((pipeline / predict.VETO_FILE).read_text(encoding="utf-8"))["about"]
    assert fitted["task_veto"]["documents"] == saved["documents"] == 5
    assert saved["out_of_fold"] == {"folds": 2, "sentences": about["sentences"], "missed": 0}
    (pipeline / crossfit.OUT_OF_FOLD_FILE).unlink()
    with pytest.raises(ValueError, match="run `minutes cross-fit`"):
        veto.train_veto([str(corpus)], pipeline, log=lambda line: None)


@pytest.mark.parametrize("split", ["dev/dev-a-001", "heldout/heldout-ai-001"])
def test_cross_fit_refuses_the_splits_it_must_not_see(tmp_path, root, split):
    shutil.copy(root / "corpus" / f"{split}.yaml", tmp_path)
    with pytest.raises(ValueError, match="dev or heldout"):
        crossfit.cross_fit([str(tmp_path)], tmp_path, folds=2, log=lambda line: None)


def test_cross_fit_needs_a_document_in_every_fold(tmp_path, root):
    shutil.copy(root / "corpus" / "train" / "train-formal-001.yaml", tmp_path)
    with pytest.raises(ValueError, match="a document in each"):
        crossfit.cross_fit([str(tmp_path)], tmp_path, folds=2, log=lambda line: None)
