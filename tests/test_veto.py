"""The linear models of the combination (model/linear.py, model/veto.py): the task veto and the
decision model, logistic regressions over named features fitted with numpy alone, shipped beside
the classifier whose probabilities they weigh."""

import json
import pathlib
import shutil

import pytest

from minutes_ai.model.linear import LinearModel, fit
from minutes_ai.model.predict import DECISION_FILE, VETO_FILE, classifier_fingerprint, decision_model, pipeline_path, task_veto
from minutes_ai.model.veto import strictest_tie


@pytest.mark.parametrize(
    ("features", "probability"),
    [
        ({}, 0.5),  # the bias alone
        ({"row": 1.0}, 0.8807970779778823),  # sigmoid(2)
        ({"row": 1.0, "question_mark": 1.0}, 0.2689414213699951),  # sigmoid(2 - 3)
        ({"logit_TASK": 2.0}, 0.8807970779778823),  # numbers are weighed by their value
        ({"unknown": 1.0}, 0.5),  # a feature the veto never saw weighs nothing
    ],
)
def test_probability_is_the_sigmoid_of_the_weighted_sum(features, probability):
    model = LinearModel({"row": 2.0, "question_mark": -3.0, "logit_TASK": 1.0}, 0.0)
    assert model.probability(features) == pytest.approx(probability)


def test_fit_learns_which_feature_says_yes_and_is_deterministic():
    rows = [{"row": 1.0}] * 40 + [{"question_mark": 1.0}] * 40 + [{"row": 1.0, "question_mark": 1.0}] * 20
    labels = [1.0] * 38 + [0.0] * 2 + [0.0] * 36 + [1.0] * 4 + [1.0] * 10 + [0.0] * 10
    model = fit(rows, labels, l2=1.0)
    assert model.weights["row"] > 1 > 0 > -1 > model.weights["question_mark"]
    assert fit(rows, labels, l2=1e-6).probability({"row": 1.0}) == pytest.approx(38 / 40, abs=0.03)
    assert fit(rows, labels, l2=1.0) == model
    assert fit(rows, labels, l2=100.0).weights["row"] < model.weights["row"]  # the penalty shrinks


@pytest.mark.parametrize(
    "results, chosen",
    [
        # a tie (0.0003 apart): the stricter threshold
        ([(1.0, 0.4, 0.8161), (1.0, 0.45, 0.8158), (1.0, 0.5, 0.8124)], (1.0, 0.45, 0.8158)),
        # a clear winner stays the winner
        ([(1.0, 0.4, 0.8200), (1.0, 0.45, 0.8100)], (1.0, 0.4, 0.8200)),
        # the same threshold under two penalties within the tie: the stronger penalty
        ([(1.0, 0.45, 0.8158), (30.0, 0.45, 0.8150)], (30.0, 0.45, 0.8150)),
        # …but not one outside the tie
        ([(1.0, 0.45, 0.8158), (30.0, 0.45, 0.8140)], (1.0, 0.45, 0.8158)),
    ],
)
def test_model_selection_takes_the_strictest_threshold_of_a_tie(results, chosen):
    assert strictest_tie(results) == chosen


def test_save_and_load_round_trip(tmp_path):
    model = LinearModel({"row": 1.5, "cue=done": -2.0}, -0.25, 0.4, {"documents": 3})
    model.save(tmp_path / "veto.json")
    assert LinearModel.load(tmp_path / "veto.json") == model


def test_the_shipped_veto_belongs_to_the_shipped_classifier():
    saved = json.loads((pipeline_path() / VETO_FILE).read_text(encoding="utf-8"))
    assert saved["about"]["classifier"] == classifier_fingerprint()
    veto = task_veto()
    assert veto is not None and 0.25 <= veto.threshold <= 0.6
    # what must hold whatever the corpus: the classifier's P(task) and a table row argue for a task
    assert veto.weights["logit_TASK"] > 0 and veto.weights["vouched_by=row"] > 0


def test_the_shipped_decision_model_belongs_to_the_shipped_classifier():
    saved = json.loads((pipeline_path() / DECISION_FILE).read_text(encoding="utf-8"))
    assert saved["about"]["classifier"] == classifier_fingerprint()
    model = decision_model()
    assert model is not None and 0.25 <= model.threshold <= 0.6
    # what must hold whatever the corpus: the classifier's P(decision), the rules' verdict and a
    # decision word argue for a decision, a report of work done against
    assert model.weights["logit_DECISION"] > 0 and model.weights["is_decision"] > 0 and model.weights["cue=decision"] > 0
    assert model.weights["cue=progress_done"] < 0


@pytest.mark.parametrize(("name", "loaded"), [(VETO_FILE, task_veto), (DECISION_FILE, decision_model)])
def test_a_model_fitted_on_another_classifier_is_not_used(tmp_path, monkeypatch, name, loaded):
    from minutes_ai.model import predict

    folder = tmp_path / "pipeline"
    shutil.copytree(pipeline_path() / "textcat_multilabel", folder / "textcat_multilabel")
    LinearModel({"row": 1.0}, 0.0, 0.5, {"classifier": "0123456789abcdef"}).save(folder / name)
    monkeypatch.setattr(predict, "pipeline_path", lambda: folder)
    assert loaded() is None


def test_using_reads_another_pipeline_inside_the_block_only(tmp_path):
    from minutes_ai.model import predict

    shipped = pipeline_path()
    with predict.using(tmp_path):
        assert pipeline_path() == tmp_path and task_veto() is None and decision_model() is None
    assert pipeline_path() == shipped and task_veto() is not None


def test_the_shipped_models_are_what_train_veto_fits_from_the_corpus(tmp_path):
    """`minutes train-veto corpus/train` reproduces both shipped files: same documents, same rows
    (the out-of-fold probabilities are shipped with the pipeline), Newton's method without
    randomness."""
    from minutes_ai.model.veto import train_veto

    folder = tmp_path / "pipeline"
    shutil.copytree(pipeline_path(), folder, ignore=shutil.ignore_patterns(VETO_FILE, DECISION_FILE))
    train_veto(["corpus/train"], folder, log=lambda line: None)
    for name in (VETO_FILE, DECISION_FILE):
        saved = json.loads((pipeline_path() / name).read_text(encoding="utf-8"))
        assert json.loads((folder / name).read_text(encoding="utf-8")) == saved
        # every training document read out of fold, and the table not stale: the sentence splitter
        # has changed for under 1% of the sentences since `minutes cross-fit` (else: run it again)
        assert saved["about"]["documents"] == len(list(pathlib.Path("corpus/train").glob("*.yaml")))
        out_of_fold = saved["about"]["out_of_fold"]
        assert out_of_fold["missed"] <= 0.01 * out_of_fold["sentences"]


def test_the_veto_refuses_the_splits_it_must_not_see(tmp_path):
    from minutes_ai.model.veto import DOCUMENTS_FILE, train_veto

    folder = tmp_path / "pipeline"
    folder.mkdir()
    (folder / DOCUMENTS_FILE).write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match="dev or heldout"):
        train_veto(["corpus/dev"], folder, log=lambda line: None)
