"""The model half: shipped, small, offline, reproducible, and combined with the rules."""

import datetime as dt
import pathlib
import shutil

import pytest
from click.testing import CliRunner

from minutes_ai import extract
from minutes_ai.cli import main
from minutes_ai.model import predict

NOTE = "任务1：修复订单回调问题，负责人：冯立军，截止时间：D+3。\n王磊负责接口联调，本周五前完成。"


def test_pipeline_ships_inside_the_package_and_is_small():
    path = predict.pipeline_path()
    assert predict.available(), "run `make model`"
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    assert size < 20 * 1024 * 1024


def test_pipeline_loads_offline_and_scores_sentences(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    ((cats, spans),) = predict.score(["王磊负责接口联调，本周五前完成。"])
    assert set(cats) == {"TASK", "DECISION", "QUESTION", "DONE", "INFO"}
    assert cats["TASK"] > 0.5
    assert all(label in {"OWNER", "DEADLINE", "CRITERIA"} for _, _, label, _ in spans)


@pytest.mark.parametrize(("use_model", "mode"), [(False, "rules"), ("rules", "rules"), (True, "combined"), ("auto", "combined"), ("model", "model")])
def test_use_model_selects_the_extractor(use_model, mode):
    minutes = extract(NOTE, dt.date(2026, 11, 24), use_model=use_model)
    assert minutes.source.extractor.endswith(mode)


def test_training_is_reproducible_and_refuses_dev(tmp_path, root):
    from minutes_ai.model.train import train

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("train-formal-001", "train-im-001", "train-asr-001"):
        shutil.copy(root / "corpus" / "train" / f"{name}.yaml", corpus)
    outputs = [tmp_path / "a", tmp_path / "b"]
    for out in outputs:
        train([str(corpus)], out, epochs=2, log=lambda *_: None)
    import spacy

    import minutes_ai.model.tokenizer  # noqa: F401

    texts = ["王磊负责接口联调，本周五前完成。", "接口上周已完成。", "预算是否追加待定。"]
    cats = [[doc.cats for doc in spacy.load(out).pipe(texts)] for out in outputs]
    assert cats[0] == cats[1]
    shutil.copy(root / "corpus" / "dev" / "dev-a-001.yaml", corpus)
    with pytest.raises(ValueError, match="dev split"):
        train([str(corpus)], tmp_path / "c", epochs=1, log=lambda *_: None)


def test_eval_ablation_prints_the_three_systems(root):
    result = CliRunner().invoke(main, ["eval", str(root / "tests" / "data" / "corpus-sample"), "--ablation"])
    assert result.exit_code == 0, result.output
    header = result.output.splitlines()[1].split()
    assert header == ["rules", "model", "combined"]
