"""The annotated corpus is well-formed, large enough, and the extractors keep their scores on it.

The floors below are regression guards on the train split (what the rules were developed on);
`minutes eval corpus/dev` reports the honest numbers on text the rules were not shaped after.
Raise a floor when the scores improve; never lower one to make a change pass.
"""

import pytest

from minutes_ai.corpus import CorpusError, load_corpus
from minutes_ai.corpus import GoldTask
from minutes_ai.evaluate import evaluate, owner_matches
from minutes_ai.models import Owner, Span, Task


@pytest.fixture(scope="module")
def train(root):
    return load_corpus(root / "corpus" / "train")


@pytest.fixture(scope="module")
def dev(root):
    return load_corpus(root / "corpus" / "dev")


@pytest.fixture(scope="module")
def heldout(root):
    return load_corpus(root / "corpus" / "heldout")


def test_corpus_size(train, dev):
    docs = train + dev
    assert len(docs) >= 40
    assert sum(len(d.tasks) for d in docs) >= 200
    assert len(dev) >= 10
    assert len({d.style for d in docs}) >= 8


def test_ids_are_unique_and_splits_disjoint(train, dev, heldout):
    ids = [d.id for d in train + dev + heldout]
    assert len(ids) == len(set(ids))
    assert all(d.id.startswith("train-") for d in train)
    assert all(d.id.startswith("dev-") for d in dev)
    assert all(d.id.startswith("heldout-") for d in heldout)


def test_gold_deadlines_are_consistent(train, dev, heldout):
    for doc in train + dev + heldout:
        for task in doc.tasks:
            if task.deadline_kind is not None:
                assert (task.deadline_date is None) == (task.deadline_kind == "vague"), (doc.id, task.quote)


def test_every_document_is_annotated_for_progress(train, dev, heldout):
    assert [doc.id for doc in train + dev + heldout if doc.progress is None] == []


@pytest.mark.parametrize(
    "gold, name, dept, same",
    [
        ("王磊", "王磊", None, True),
        ("设计部", None, "设计部", True),
        ("lina", "@lina", None, True),
        ("小林", "林晓雨", None, True),  # the title form the speaker used, the full name the meeting gives
        ("郑医生", "郑秀英", None, True),
        ("姚建军", "老姚", None, True),
        ("小王", "李磊", None, False),
        ("王磊", "王芳", None, False),
        ("小林", "林", None, False),
        ("王磊", None, None, False),
    ],
)
def test_owner_scoring(gold, name, dept, same):
    task = Task(id="T1", title="x", owner=Owner(name=name, dept=dept, text=name or dept or "x") if name or dept else None,
                source=Span(text="x", start=0, end=1), confidence=1.0)
    gold_task = GoldTask(quote="x", start=0, end=1, owner=gold, dept=None, deadline_date=None, deadline_kind=None, criteria=None)
    assert owner_matches(gold_task, task) is same


def test_bad_progress_status_is_reported(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\nstyle: notes\nmeeting_date: 2026-11-24\ntext: 登录页已上线\nprogress:\n  - quote: 登录页已上线\n    status: finished\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="status must be done or cancelled"):
        load_corpus(bad)


def test_bad_quote_is_reported(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\nstyle: notes\nmeeting_date: 2026-11-24\ntext: 王磊负责\ntasks:\n  - quote: 李娜负责\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="quote not found"):
        load_corpus(bad)


# Re-based when train grows: each floor sits at or above what the start-of-stop code scores on the
# same documents (stop 16, 590 documents: tasks 0.816, decisions 0.751, questions 0.845, progress
# 0.827, owner 0.922, deadline 0.938, criteria 0.856), so the stop's gains are kept. Stop 17 start,
# 610 documents (the 35th blind set added, scored before any change): questions 0.845, progress
# 0.827; 630 documents (the 37th added, rules unchanged — the stop's change is the model's veto,
# which rules mode does not run): tasks 0.8140, decisions 0.7677, questions 0.844, progress 0.8240,
# owner 0.9260, deadline 0.9369, criteria 0.858. Stop 18 start, 650 documents (the 38th added,
# scored before any change): tasks 0.8123, decisions 0.7652, questions 0.8439, progress 0.8236, owner
# 0.9239, deadline 0.9375, criteria 0.8578; stop 18 end on the same 650: tasks 0.8152, decisions
# 0.7669, questions 0.8442, progress 0.8236, owner 0.9315, deadline 0.9404, criteria 0.8588 — the
# floors keep the stop's gains. Stop 19 start, 690 documents (the 40th added, scored before any
# change): tasks 0.814, decisions 0.763, questions 0.843, progress 0.823, owner 0.928 (5,205 of
# 5,611), deadline 0.9405 (5,277), criteria 0.859. The deadline floor sits at the new 0.9395: the
# owner fixes match 27 more tasks, 20 more deadlines right but seven of the newly matched wrong.
# Stop 19 end on the same 690: tasks 0.8175, decisions 0.7655, questions 0.8433, progress 0.8242,
# owner 0.9408, deadline 0.9408, criteria 0.8625 — the floors keep the stop's gains.
# Stop 20 start, 710 documents (the 42nd added, scored with the start code): tasks 0.8164,
# decisions 0.7636, questions 0.8437, progress 0.8236, owner 0.9383 (5,477 of 5,837), deadline
# 0.9407, criteria 0.8611.
# With the 44th set, 730 documents: start code tasks 0.8154, decisions 0.7633, questions 0.8409,
# progress 0.8230, owner 0.9378, deadline 0.9411, criteria 0.8630; this stop's code tasks 0.8178,
# decisions 0.7636, questions 0.8418, progress 0.8243, owner 0.9392, deadline 0.9425, criteria 0.8635.
# Stop 20 end on the same 730: tasks 0.8182, decisions 0.7636, questions 0.8418, progress 0.8243,
# owner 0.9411 (5,668 of 6,023), deadline 0.9427, criteria 0.8635 — the floors keep the stop's gains.
# Stop 22 start, 813 documents (the 52nd set added, scored with the start code): tasks 0.8219,
# decisions 0.7594, questions 0.8364, progress 0.8249, owner 0.9420 (6,429 of 6,825), deadline
# 0.9430, criteria 0.8741. 833 documents (the 54th set added, start code): tasks 0.8210, decisions
# 0.7568, questions 0.8357, progress 0.8245, owner 0.9404 (6,612 of 7,031), deadline 0.9434,
# criteria 0.8746. 853 documents (the 56th set added, start code): tasks 0.8204, decisions 0.7572,
# questions 0.8347, progress 0.8254, owner 0.9400 (6,799 of 7,233), deadline 0.9414, criteria 0.8757.
# Stop 22 end on the same 853: tasks 0.8276, decisions 0.7592, questions 0.8355, progress 0.8258,
# owner 0.9444 (6,910 of 7,317), deadline 0.9414, criteria 0.8767 — the floors keep the stop's gains.
# Stop 23 start, 873 documents (the 58th set added, start code): tasks 0.8290, decisions 0.7609,
# questions 0.8373, progress 0.8263, owner 0.9439, deadline 0.9422, criteria 0.8774. 893 documents
# (the 60th set added, start code): tasks 0.8290, decisions 0.7601, questions 0.8355, progress
# 0.8274, owner 0.9438, deadline 0.9425, criteria 0.8785. 913 documents (the 62nd set added, start
# code): tasks 0.8301, decisions 0.7589, questions 0.8350, progress 0.8281, owner 0.9438, deadline
# 0.9428, criteria 0.8793. Stop 23 end on the same 913: tasks 0.8332, decisions 0.7592, questions
# 0.8355, progress 0.8289, owner 0.9459, deadline 0.9428, criteria 0.8793 — the floors keep the gains.
# Stop 24 start, 933 documents (the 64th set added, start code): tasks 0.8336, decisions 0.7609,
# questions 0.8348, progress 0.8288, owner 0.9462, deadline 0.9428, criteria 0.8798. Stop 24 end on
# the same 933: tasks 0.8359, decisions 0.7612, questions 0.8346, progress 0.8320 (0.83196), owner 0.9471,
# deadline 0.9421, criteria 0.8802 — the floors keep the gains.
FLOORS = {"tasks_f1": 0.835, "decisions_f1": 0.761, "questions_f1": 0.834, "progress_f1": 0.831, "owner": 0.947, "deadline": 0.942, "criteria": 0.880}


@pytest.fixture(scope="module")
def train_report(train):
    # rules only: the model was trained on this split, its scores here would flatter it
    from minutes_ai.pipeline import extract

    return evaluate(train, lambda text, date: extract(text, date, use_model=False))


@pytest.mark.parametrize("metric", list(FLOORS))
def test_train_scores_do_not_regress(train_report, metric):
    values = {
        "tasks_f1": train_report.tasks.f1,
        "decisions_f1": train_report.decisions.f1,
        "questions_f1": train_report.open_questions.f1,
        "progress_f1": train_report.progress.f1,
        "owner": train_report.owner.value,
        "deadline": train_report.deadline.value,
        "criteria": train_report.criteria.value,
    }
    assert values[metric] >= FLOORS[metric]
